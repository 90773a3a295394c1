using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Workflow;

namespace ComplaintFlow.Core.Privacy;

/// <summary>
/// A store that keeps personal data beside the complaint record — the outbox, the duplicate index, the link ledger,
/// the restrictions — and removes it (or replaces it irreversibly) when <see cref="CustomerErasure"/> asks. Both calls
/// may come again for the same complaint or customer (a retried request) and must then change nothing more.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>Removes what this store keeps of <paramref name="complaint"/>, given as it was recorded, before its own erasure.</summary>
    Task EraseComplaintAsync(Complaint complaint, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Removes what this store keeps per customer, once every complaint of theirs is erased.</summary>
    Task EraseCustomerAsync(string customerId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
