using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IComplaintIndex"/> in memory: newest first, as the table index answers.</summary>
public sealed class InMemoryComplaintIndex : IComplaintIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ComplaintIndexEntry> _byComplaint = new(StringComparer.Ordinal);

    public Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _byComplaint[entry.ComplaintId] = entry;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByCustomerAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Query(e => e.CustomerId == customerId && e.ReceivedAt >= since);

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Query(e => e.TextFingerprint == textFingerprint && e.ReceivedAt >= since);

    private Task<IReadOnlyList<ComplaintIndexEntry>> Query(Func<ComplaintIndexEntry, bool> match)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ComplaintIndexEntry>>([.. _byComplaint.Values.Where(match).OrderByDescending(e => e.ReceivedAt)]);
        }
    }
}
