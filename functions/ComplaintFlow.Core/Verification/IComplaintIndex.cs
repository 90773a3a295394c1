namespace ComplaintFlow.Core.Verification;

/// <summary>
/// Indexes for the duplicate and abuse checks: recent complaints with the same text (from any customer), and each
/// customer's <see cref="CustomerOriginals"/>, which change only by a conditional write.
/// </summary>
public interface IComplaintIndex
{
    /// <summary>Adds the complaint to the same-text index; writing the same entry twice is harmless.</summary>
    Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Complaints with this text fingerprint received at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>The customer's originals and the version they were read at (one point read).</summary>
    Task<CustomerOriginals> OriginalsAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="entry"/> to the customer's originals (see <see cref="CustomerOriginals.With"/>) if they are
    /// still as <paramref name="read"/>; false, and nothing written, when another complaint changed them first: read
    /// them again and decide again.
    /// </summary>
    Task<bool> TryAddOriginalAsync(CustomerOriginals read, ComplaintIndexEntry entry, DateTimeOffset keepSince, CancellationToken cancellationToken = default);
}
