using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// The complaint an id given at intake stands for: the stored record; until it is recorded, the complaint as received;
/// when its <c>externalId</c> had come before through another delivery, that earlier complaint (whose id differs).
/// </summary>
public sealed class ComplaintLookup(IComplaintStore store, IDeliveryLedger ledger, IDeliveryHandoff handoff)
{
    public async Task<Complaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(id, cancellationToken) is { } found)
        {
            return found.Complaint;
        }

        if (handoff.FindWaiting(id) is { Submission: { } submission } waiting)
        {
            return Complaint.Receive(id, submission, waiting.ReceivedAt);
        }

        return await ledger.FindRecordedAsAsync(id, cancellationToken) is { } earlier
            ? (await store.FindAsync(earlier, cancellationToken))?.Complaint
            : null;
    }
}
