using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Local.InMemory;

/// <summary>
/// <see cref="IComplaintIndex"/> in memory, newest first as the table index answers; entries are kept per customer and
/// per text fingerprint, so a lookup reads one bucket as the table index reads one partition.
/// </summary>
public sealed class InMemoryComplaintIndex : IComplaintIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, ComplaintIndexEntry>> _byCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ComplaintIndexEntry>> _byText = new(StringComparer.Ordinal);

    public Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            Bucket(_byCustomer, entry.CustomerId)[entry.ComplaintId] = entry;
            Bucket(_byText, entry.TextFingerprint)[entry.ComplaintId] = entry;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByCustomerAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Query(_byCustomer, customerId, since);

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Query(_byText, textFingerprint, since);

    private static Dictionary<string, ComplaintIndexEntry> Bucket(Dictionary<string, Dictionary<string, ComplaintIndexEntry>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Dictionary<string, ComplaintIndexEntry>(StringComparer.Ordinal);
            buckets[key] = bucket;
        }

        return bucket;
    }

    private Task<IReadOnlyList<ComplaintIndexEntry>> Query(Dictionary<string, Dictionary<string, ComplaintIndexEntry>> buckets, string key, DateTimeOffset since)
    {
        lock (_lock)
        {
            IReadOnlyList<ComplaintIndexEntry> found = buckets.TryGetValue(key, out var bucket)
                ? [.. bucket.Values.Where(e => e.ReceivedAt >= since).OrderByDescending(e => e.ReceivedAt)]
                : [];
            return Task.FromResult(found);
        }
    }
}
