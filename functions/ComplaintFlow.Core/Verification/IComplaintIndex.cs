namespace ComplaintFlow.Core.Verification;

/// <summary>Indexes for the duplicate and abuse checks: a customer's recent complaints, and recent complaints with the same text.</summary>
public interface IComplaintIndex
{
    /// <summary>Adds the complaint to both indexes; writing the same entry twice is harmless.</summary>
    Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The customer's complaints received at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<ComplaintIndexEntry>> RecentByCustomerAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Complaints with this text fingerprint received at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default);
}
