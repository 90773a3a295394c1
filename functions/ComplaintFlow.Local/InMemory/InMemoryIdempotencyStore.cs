using System.Collections.Concurrent;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IIdempotencyStore"/> in memory.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<(string Scope, string Key), IdempotencyRecord> _records = new();

    public Task<IdempotencyRecord?> TryReserveAsync(string scope, string key, string fingerprint, ComplaintId complaintId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var mine = new IdempotencyRecord(complaintId, fingerprint, now, null, null);
        var stored = _records.GetOrAdd((scope, key), mine);
        return Task.FromResult(ReferenceEquals(stored, mine) ? null : stored);
    }

    public Task CompleteAsync(string scope, string key, int status, string responseBody, CancellationToken cancellationToken = default)
    {
        _records.AddOrUpdate((scope, key), _ => throw new InvalidOperationException($"Key {scope}/{key} was never reserved."), (_, r) => r with { Status = status, ResponseBody = responseBody });
        return Task.CompletedTask;
    }
}
