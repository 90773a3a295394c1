using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Local.InMemory;

/// <summary>
/// <see cref="IComplaintStore"/> in memory, with the same contract as the table store (versions, conflicts, paging),
/// for workflow tests and benchmarks that must not wait on storage. Every read returns a fresh copy.
/// </summary>
public sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly ConcurrentDictionary<string, (ComplaintSnapshot Snapshot, long Version)> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _forgotten = new(StringComparer.Ordinal);
    private long _versions;

    public int Count => _rows.Count;

    public Task<bool> TryAddAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Task.FromResult(_rows.TryAdd(complaint.Id.Value, (complaint.ToSnapshot(), Interlocked.Increment(ref _versions))));
    }

    public Task<VersionedComplaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(id.Value, out var row)
            ? new VersionedComplaint(Complaint.Restore(row.Snapshot), row.Version.ToString(CultureInfo.InvariantCulture))
            : null);

    public Task<string> SaveAsync(Complaint complaint, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var expected = long.Parse(version, CultureInfo.InvariantCulture);
        if (!_rows.TryGetValue(complaint.Id.Value, out var current) || current.Version != expected)
        {
            throw new ConcurrencyConflictException($"Complaint {complaint.Id} was changed since it was read.");
        }

        var next = (complaint.ToSnapshot(), Interlocked.Increment(ref _versions));
        if (!_rows.TryUpdate(complaint.Id.Value, next, current))
        {
            throw new ConcurrencyConflictException($"Complaint {complaint.Id} was changed since it was read.");
        }

        return Task.FromResult(next.Item2.ToString(CultureInfo.InvariantCulture));
    }

    public Task<ComplaintPage> ListByMonthAsync(string month, ComplaintStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var matching = _rows.Values
            .Select(r => r.Snapshot)
            .Where(s => s.Id.Month == month && (status is null || s.Status == status))
            .Where(s => continuationToken is null || string.CompareOrdinal(s.Id.Value, continuationToken) > 0)
            .OrderBy(s => s.Id.Value, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var page = matching.Take(pageSize).Select(Complaint.Restore).ToList();
        return Task.FromResult(new ComplaintPage(page, matching.Count > pageSize ? page[^1].Id.Value : null));
    }

    public Task<IReadOnlyList<ComplaintId>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ComplaintId>>([.. _rows.Values
            .Where(r => r.Snapshot.Customer.Id == customerId && !_forgotten.ContainsKey(r.Snapshot.Id.Value))
            .Select(r => r.Snapshot.Id)
            .OrderBy(i => i.Value, StringComparer.Ordinal)]);

    public Task ForgetCustomerAsync(string customerId, ComplaintId id, CancellationToken cancellationToken = default)
    {
        _forgotten.TryAdd(id.Value, true);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ComplaintId> OpenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var row in _rows.Values.Where(r => r.Snapshot.Status is not (ComplaintStatus.Closed or ComplaintStatus.Rejected)))
        {
            yield return row.Snapshot.Id;
        }
    }

    public async IAsyncEnumerable<ComplaintId> ClosedBeforeAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var row in _rows.Values.Where(r => r.Snapshot.ClosedAt < cutoff && r.Snapshot.ErasedAt is null).OrderBy(r => r.Snapshot.Id.Value, StringComparer.Ordinal))
        {
            yield return row.Snapshot.Id;
        }
    }
}
