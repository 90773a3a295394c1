using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Workflow;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// Turns an accepted delivery into a complaint: claims its <c>externalId</c>, stores the complaint and starts its
/// orchestration (instance id = complaint id), then marks the delivery recorded. Every step is idempotent, so
/// recording a delivery twice (a retry, a sweep after a crash, two hosts) stores one complaint and starts one orchestration.
/// Many deliveries are recorded together in few requests: one claim of their external ids, one insert of their
/// complaints per month, one mark per delivery scope; only the orchestration starts go one by one.
/// </summary>
public sealed class DeliveryRecorder(IDeliveryLedger ledger, IComplaintStore store, DurableTaskClient client)
{
    /// <summary>Records <paramref name="delivery"/> (a batch of one).</summary>
    public Task RecordAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return RecordAsync([delivery], cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="deliveries"/> together. A delivery whose <c>externalId</c> another complaint holds is
    /// marked as leading to that complaint and starts nothing; a delivery recorded before is left as it is.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<AcceptedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var pending = deliveries.Where(d => !d.IsRecorded).DistinctBy(d => d.ComplaintId).ToList();
        if (pending.Any(d => d.Submission is null))
        {
            throw new InvalidOperationException($"Delivery {pending.First(d => d.Submission is null).Key} is unrecorded but holds no submission.");
        }

        var holders = await ledger.ClaimExternalIdsAsync(pending, cancellationToken);

        // The same complaint came earlier through another delivery: this one leads to it and starts nothing.
        var own = new List<AcceptedDelivery>(pending.Count);
        foreach (var delivery in pending)
        {
            if (holders.TryGetValue(delivery.ComplaintId, out var holder) && holder != delivery.ComplaintId)
            {
                await ledger.MarkRecordedAsync(delivery, holder, cancellationToken);
            }
            else
            {
                own.Add(delivery);
            }
        }

        await store.AddManyAsync(own.Select(d => Complaint.Receive(d.ComplaintId, d.Submission!, d.ReceivedAt)).ToList(), cancellationToken);
        await Task.WhenAll(own.Select(d => client.StartOnceAsync(
            WorkflowNames.ComplaintOrchestrator, new ComplaintWorkflowInput(d.ComplaintId.Value), d.ComplaintId.Value, cancellationToken)));
        await ledger.MarkRecordedAsync(own, cancellationToken);
    }
}
