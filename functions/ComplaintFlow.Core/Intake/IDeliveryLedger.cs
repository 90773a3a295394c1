using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// Accepted deliveries, by delivery key. Accepting is one conditional write, so of two concurrent deliveries with the
/// same key exactly one is accepted and the other reads it back; recording the complaint happens after the answer.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>Stores <paramref name="delivery"/> unless its key is known. Returns null when stored, or the delivery that was there first.</summary>
    Task<AcceptedDelivery?> TryAcceptAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>The delivery accepted with <paramref name="key"/>, or null.</summary>
    Task<AcceptedDelivery?> FindAsync(IntakeKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="externalId"/> from <paramref name="channel"/> for <paramref name="complaintId"/>. Returns the
    /// complaint that holds it: <paramref name="complaintId"/> when this call claimed it (or had before), else the earlier one.
    /// </summary>
    Task<ComplaintId> ClaimExternalIdAsync(Channel channel, string externalId, ComplaintId complaintId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ClaimExternalIdAsync"/> for each delivery that has an <c>externalId</c>, in as few requests as the
    /// store allows. Returns, for each of those deliveries' complaint ids, the complaint that holds its external id.
    /// </summary>
    async Task<IReadOnlyDictionary<ComplaintId, ComplaintId>> ClaimExternalIdsAsync(IReadOnlyList<AcceptedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var holders = new Dictionary<ComplaintId, ComplaintId>();
        foreach (var delivery in deliveries)
        {
            if (delivery.Submission is { ExternalId: { } externalId } submission)
            {
                holders[delivery.ComplaintId] = await ClaimExternalIdAsync(submission.Channel, externalId, delivery.ComplaintId, cancellationToken);
            }
        }

        return holders;
    }

    /// <summary><see cref="MarkRecordedAsync(AcceptedDelivery, ComplaintId, CancellationToken)"/> for deliveries recorded as themselves, in as few requests as the store allows.</summary>
    async Task MarkRecordedAsync(IReadOnlyList<AcceptedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var delivery in deliveries)
        {
            await MarkRecordedAsync(delivery, delivery.ComplaintId, cancellationToken);
        }
    }

    /// <summary>
    /// Marks the delivery recorded as <paramref name="recordedAs"/>. When that is another complaint, the delivery's own
    /// id is remembered as leading to it (<see cref="FindRecordedAsAsync"/>).
    /// </summary>
    Task MarkRecordedAsync(AcceptedDelivery delivery, ComplaintId recordedAs, CancellationToken cancellationToken = default);

    /// <summary>The complaint that <paramref name="complaintId"/>, given to a later delivery of a known <c>externalId</c>, was recorded as; null when none.</summary>
    Task<ComplaintId?> FindRecordedAsAsync(ComplaintId complaintId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets deliveries recorded before <paramref name="recordedBefore"/> (a repeat of one after that is a new
    /// delivery; its <c>externalId</c> is still never started twice). Returns how many were forgotten.
    /// </summary>
    Task<int> ForgetRecordedAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default);

    /// <summary>Deliveries accepted at or before <paramref name="acceptedBy"/> and not yet recorded, oldest first.</summary>
    IAsyncEnumerable<AcceptedDelivery> ListUnrecordedAsync(DateTimeOffset acceptedBy, CancellationToken cancellationToken = default);
}
