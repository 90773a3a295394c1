using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Local.Simulator;

/// <summary>Where the durable simulator keeps instances, their histories and undelivered messages (in memory).</summary>
public interface IDurableStore
{
    /// <summary>Creates whatever storage is missing (tables). Safe to call more than once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds the instance unless one with that id exists (in any state); false when it existed.</summary>
    Task<bool> TryCreateInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken);

    /// <summary>The instance, or null.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>All instances, or those in <paramref name="statuses"/>.</summary>
    IAsyncEnumerable<InstanceRecord> GetInstancesAsync(IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses, CancellationToken cancellationToken);

    /// <summary>The history of one generation, in order.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, int generation, CancellationToken cancellationToken);

    /// <summary>Stores a message durably until a commit consumes it.</summary>
    Task AddPendingMessageAsync(string instanceId, PendingMessage message, CancellationToken cancellationToken);

    /// <summary>The instance's undelivered messages, ordered by key.</summary>
    Task<IReadOnlyList<PendingMessage>> GetPendingMessagesAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes undelivered messages (missing ones are ignored).</summary>
    Task DeletePendingMessagesAsync(string instanceId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an episode's history and deletes the messages it consumed, then replaces the instance record if its
    /// ETag still matches. Returns the record's new ETag; throws <see cref="DurableConcurrencyException"/> on a mismatch.
    /// </summary>
    Task<string> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken);

    /// <summary>Deletes a finished instance with its history and messages; false when it is missing or still running.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken);
}
