namespace ComplaintFlow.Core.Verification;

/// <summary>What duplicate and abuse checks need to know about one complaint, kept in per-customer and per-text indexes.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="CustomerId">The sender's customer id.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="TextFingerprint">See <see cref="TextFingerprint"/>.</param>
/// <param name="OrderId">The order it is about, if any.</param>
public sealed record ComplaintIndexEntry(string ComplaintId, string CustomerId, DateTimeOffset ReceivedAt, string TextFingerprint, string? OrderId);
