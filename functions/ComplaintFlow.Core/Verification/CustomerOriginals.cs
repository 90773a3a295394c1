namespace ComplaintFlow.Core.Verification;

/// <summary>
/// One customer's originals: the complaints verification let through as new (not repeats, not rejected), newest first,
/// as read at <paramref name="Version"/>. The record changes only by <see cref="IComplaintIndex.TryAddOriginalAsync"/>,
/// a write conditional on that version, so of two complaints verified at once only one can become the original that
/// the other repeats.
/// </summary>
/// <param name="CustomerId">Whose they are.</param>
/// <param name="Entries">The originals, newest first.</param>
/// <param name="Version">The record's version (an ETag), or null when the customer has none yet.</param>
public sealed record CustomerOriginals(string CustomerId, IReadOnlyList<ComplaintIndexEntry> Entries, string? Version)
{
    /// <summary>How many originals a record keeps at most (the newest); older ones are forgotten.</summary>
    public const int MaxEntries = 100;

    /// <summary>True when <paramref name="complaintId"/> is one of them: it was let through as new before.</summary>
    public bool Contains(string complaintId) => Entries.Any(e => string.Equals(e.ComplaintId, complaintId, StringComparison.Ordinal));

    /// <summary>The record after adding <paramref name="entry"/>: newest first, without entries received before <paramref name="keepSince"/>, at most <see cref="MaxEntries"/>.</summary>
    public IReadOnlyList<ComplaintIndexEntry> With(ComplaintIndexEntry entry, DateTimeOffset keepSince)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            .. Entries
                .Where(e => e.ReceivedAt >= keepSince && !string.Equals(e.ComplaintId, entry.ComplaintId, StringComparison.Ordinal))
                .Append(entry)
                .OrderByDescending(e => e.ReceivedAt)
                .ThenByDescending(e => e.ComplaintId, StringComparer.Ordinal)
                .Take(MaxEntries),
        ];
    }
}
