using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Local.InMemory;

/// <summary>
/// <see cref="IComplaintIndex"/> in memory: the same-text index newest first, as the table index answers, and each
/// customer's originals with a version that every write changes, so a write from a stale read fails as an ETag would.
/// </summary>
public sealed class InMemoryComplaintIndex : IComplaintIndex, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, ComplaintIndexEntry>> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<ComplaintIndexEntry> Entries, long Version)> _originals = new(StringComparer.Ordinal);
    private long _versions;

    public Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (!_byText.TryGetValue(entry.TextFingerprint, out var bucket))
            {
                bucket = new Dictionary<string, ComplaintIndexEntry>(StringComparer.Ordinal);
                _byText[entry.TextFingerprint] = bucket;
            }

            bucket[entry.ComplaintId] = entry;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ComplaintIndexEntry> found = _byText.TryGetValue(textFingerprint, out var bucket)
                ? [.. bucket.Values.Where(e => e.ReceivedAt >= since).OrderByDescending(e => e.ReceivedAt)]
                : [];
            return Task.FromResult(found);
        }
    }

    public Task<CustomerOriginals> OriginalsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_originals.TryGetValue(customerId, out var record)
                ? new CustomerOriginals(customerId, record.Entries, record.Version.ToString(CultureInfo.InvariantCulture))
                : new CustomerOriginals(customerId, [], null));
        }
    }

    public Task<bool> TryAddOriginalAsync(CustomerOriginals read, ComplaintIndexEntry entry, DateTimeOffset keepSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            var current = _originals.TryGetValue(read.CustomerId, out var record) ? record.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (current != read.Version)
            {
                return Task.FromResult(false);
            }

            _originals[read.CustomerId] = (read.With(entry, keepSince), ++_versions);
            return Task.FromResult(true);
        }
    }

    public Task EraseComplaintAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        lock (_lock)
        {
            foreach (var bucket in _byText.Values)
            {
                bucket.Remove(complaint.Id.Value);
            }

            if (_originals.TryGetValue(complaint.Customer.Id, out var record))
            {
                _originals[complaint.Customer.Id] = ([.. record.Entries.Where(e => e.ComplaintId != complaint.Id.Value)], ++_versions);
            }
        }

        return Task.CompletedTask;
    }

    public Task EraseCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _originals.Remove(customerId);
        }

        return Task.CompletedTask;
    }
}
