using System.Collections.Concurrent;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IErasureLog"/> in memory, keyed as the table keys it: by the customer's hashed key.</summary>
public sealed class InMemoryErasureLog : IErasureLog
{
    private readonly ConcurrentDictionary<string, ErasureRecord> _records = new(StringComparer.Ordinal);

    public Task<ErasureRecord?> FindAsync(string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.TryGetValue(CustomerKey.Of(customerId), out var record) ? record : null);

    public Task SaveAsync(string customerId, ErasureRecord record, CancellationToken cancellationToken = default)
    {
        _records[CustomerKey.Of(customerId)] = record;
        return Task.CompletedTask;
    }
}
