using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>Remembers delivery keys (webhook ids, queue message ids, external ids) and the answer given to the first delivery.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Reserves <paramref name="key"/> in <paramref name="scope"/> for <paramref name="complaintId"/>. Returns null when this
    /// call reserved it, or the record that was there first (possibly written by a concurrent call a moment ago).
    /// </summary>
    Task<IdempotencyRecord?> TryReserveAsync(string scope, string key, string fingerprint, ComplaintId complaintId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Stores the answer the first delivery got, so a repeat gets exactly the same one.</summary>
    Task CompleteAsync(string scope, string key, int status, string responseBody, CancellationToken cancellationToken = default);
}
