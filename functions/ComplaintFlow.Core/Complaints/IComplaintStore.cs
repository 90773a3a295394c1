namespace ComplaintFlow.Core.Complaints;

/// <summary>Where complaints are kept (Azure Table Storage in every host).</summary>
public interface IComplaintStore
{
    /// <summary>Stores a new complaint. False (and nothing written) when a complaint with that id already exists.</summary>
    Task<bool> TryAddAsync(Complaint complaint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores new complaints, skipping any whose id already exists; a store may write many in one request (the same
    /// outcome as <see cref="TryAddAsync"/> for each, in fewer round trips).
    /// </summary>
    async Task AddManyAsync(IReadOnlyList<Complaint> complaints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        foreach (var complaint in complaints)
        {
            await TryAddAsync(complaint, cancellationToken);
        }
    }

    /// <summary>The complaint with its version for <see cref="SaveAsync"/>, or null when there is none.</summary>
    Task<VersionedComplaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a changed complaint if nobody else saved it since <paramref name="version"/> was read; throws
    /// <see cref="ConcurrencyConflictException"/> otherwise. Returns the new version.
    /// </summary>
    Task<string> SaveAsync(Complaint complaint, string version, CancellationToken cancellationToken = default);

    /// <summary>One page of a month's complaints (month as <c>yyyyMM</c>), oldest first, optionally of one status.</summary>
    Task<ComplaintPage> ListByMonthAsync(string month, ComplaintStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>The complaints of a customer, oldest first (the store indexes each complaint by its customer when it is added).</summary>
    Task<IReadOnlyList<ComplaintId>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Drops the link from a customer to one of their complaints, once its personal data is erased.</summary>
    Task ForgetCustomerAsync(string customerId, ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The complaints not finished yet, from an index the store keeps as complaints are added and saved (for the work
    /// queue): the ids only, in no particular order.
    /// </summary>
    IAsyncEnumerable<ComplaintId> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The finished complaints closed before <paramref name="cutoff"/> whose personal data is not erased yet.</summary>
    IAsyncEnumerable<ComplaintId> ClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
