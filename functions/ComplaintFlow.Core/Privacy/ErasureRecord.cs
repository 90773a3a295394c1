namespace ComplaintFlow.Core.Privacy;

/// <summary>That a customer's personal data was erased, when, at whose request, and from which complaints. Holds no personal data.</summary>
/// <param name="ErasedAt">When the first erasure of this customer finished.</param>
/// <param name="ErasedBy">Who asked for it, as given with the request.</param>
/// <param name="Complaints">The complaints erased, by id, oldest first.</param>
/// <param name="ClosedWhileOpen">How many of them were still open and were closed as erased.</param>
public sealed record ErasureRecord(DateTimeOffset ErasedAt, string ErasedBy, IReadOnlyList<string> Complaints, int ClosedWhileOpen);

/// <summary>The erasures done, by customer; the customer is known only by a one-way hash of their id.</summary>
public interface IErasureLog
{
    Task<ErasureRecord?> FindAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="record"/> as this customer's, replacing an earlier one.</summary>
    Task SaveAsync(string customerId, ErasureRecord record, CancellationToken cancellationToken = default);
}
