using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>What the first delivery with a key left behind.</summary>
/// <param name="ComplaintId">The complaint the key belongs to.</param>
/// <param name="Fingerprint">The <see cref="RequestFingerprint"/> of the first body.</param>
/// <param name="ReceivedAt">When the key was first seen.</param>
/// <param name="Status">The HTTP status the first delivery was answered with; null while it is still being handled.</param>
/// <param name="ResponseBody">The JSON answer of the first delivery; null while it is still being handled.</param>
public sealed record IdempotencyRecord(ComplaintId ComplaintId, string Fingerprint, DateTimeOffset ReceivedAt, int? Status, string? ResponseBody)
{
    /// <summary>True once the first delivery has been answered.</summary>
    public bool IsCompleted => Status is not null;

    /// <summary>True when <paramref name="fingerprint"/> is the first body's: a repeat, not a reused key.</summary>
    public bool IsSameRequest(string fingerprint) => string.Equals(Fingerprint, fingerprint, StringComparison.Ordinal);
}
