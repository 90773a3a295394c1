using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// An <see cref="IDurableStore"/> in memory, for tests and benchmarks. It outlives a <see cref="DurableSimulator"/>, so
/// handing the same store to a new runtime behaves like a restart over the same tables.
/// </summary>
public sealed class InMemoryDurableStore : IDurableStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> TryCreateInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Task.FromResult(_entries.TryAdd(instance.InstanceId, new Entry(instance with { ETag = "1" })));
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(instanceId, out var entry))
        {
            return Task.FromResult<InstanceRecord?>(null);
        }

        lock (entry)
        {
            return Task.FromResult<InstanceRecord?>(entry.Record);
        }
    }

    public async IAsyncEnumerable<InstanceRecord> GetInstancesAsync(
        IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var entry in _entries.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            InstanceRecord record;
            lock (entry)
            {
                record = entry.Record;
            }

            if (statuses is null || statuses.Count == 0 || statuses.Contains(record.Status))
            {
                yield return record;
            }
        }
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, int generation, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(instanceId, out var entry))
        {
            return Task.FromResult<IReadOnlyList<HistoryEvent>>([]);
        }

        lock (entry)
        {
            return Task.FromResult<IReadOnlyList<HistoryEvent>>(entry.Record.Generation == generation ? [.. entry.History] : []);
        }
    }

    public Task AddPendingMessageAsync(string instanceId, PendingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_entries.TryGetValue(instanceId, out var entry))
        {
            lock (entry)
            {
                entry.Pending[message.Key] = message;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingMessage>> GetPendingMessagesAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(instanceId, out var entry))
        {
            return Task.FromResult<IReadOnlyList<PendingMessage>>([]);
        }

        lock (entry)
        {
            return Task.FromResult<IReadOnlyList<PendingMessage>>([.. entry.Pending.Values]);
        }
    }

    public Task DeletePendingMessagesAsync(string instanceId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (_entries.TryGetValue(instanceId, out var entry))
        {
            lock (entry)
            {
                foreach (var key in keys)
                {
                    entry.Pending.Remove(key);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<string> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        if (!_entries.TryGetValue(instance.InstanceId, out var entry))
        {
            throw new DurableConcurrencyException($"Orchestration instance '{instance.InstanceId}' no longer exists.");
        }

        lock (entry)
        {
            if (entry.Record.ETag != instance.ETag)
            {
                throw new DurableConcurrencyException($"Orchestration instance '{instance.InstanceId}' was changed by someone else.");
            }

            if (entry.Record.Generation != instance.Generation)
            {
                entry.History.Clear();
            }

            if (commit.FirstSequence < entry.History.Count)
            {
                entry.History.RemoveRange(commit.FirstSequence, entry.History.Count - commit.FirstSequence);
            }
            else if (commit.FirstSequence > entry.History.Count)
            {
                throw new InvalidOperationException($"History of '{instance.InstanceId}' has {entry.History.Count} events; cannot append at {commit.FirstSequence}.");
            }

            entry.History.AddRange(commit.NewEvents);
            foreach (var key in commit.ConsumedPendingKeys)
            {
                entry.Pending.Remove(key);
            }

            var etag = (long.Parse(entry.Record.ETag!, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
            entry.Record = instance with { ETag = etag };
            return Task.FromResult(etag);
        }
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(instanceId, out var entry))
        {
            return Task.FromResult(false);
        }

        lock (entry)
        {
            if (!entry.Record.IsFinished)
            {
                return Task.FromResult(false);
            }

            return Task.FromResult(_entries.TryRemove(new KeyValuePair<string, Entry>(instanceId, entry)));
        }
    }

    private sealed class Entry(InstanceRecord record)
    {
        public InstanceRecord Record { get; set; } = record;

        public List<HistoryEvent> History { get; } = [];

        public SortedDictionary<string, PendingMessage> Pending { get; } = new(StringComparer.Ordinal);
    }
}
