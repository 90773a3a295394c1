using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Workflow;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// Turns an accepted delivery into a complaint: claims its <c>externalId</c>, stores the complaint and starts its
/// orchestration (instance id = complaint id), then marks the delivery recorded. Every step is idempotent, so
/// recording a delivery twice (a retry, a sweep after a crash, two hosts) stores one complaint and starts one orchestration.
/// Many deliveries are recorded together in few requests: one claim of their external ids, one insert of their
/// complaints per month, one mark per delivery scope; only the orchestration starts go one by one.
/// </summary>
public sealed class DeliveryRecorder(IDeliveryLedger ledger, IComplaintStore store, IOrchestrationClient client)
{
    /// <summary>Records <paramref name="delivery"/>; returns the complaint it was recorded as.</summary>
    public async Task<ComplaintId> RecordAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.RecordedAs is { } recorded)
        {
            return recorded;
        }

        var submission = delivery.Submission ?? throw new InvalidOperationException($"Delivery {delivery.Key} is unrecorded but holds no submission.");
        var id = delivery.ComplaintId;
        if (submission.ExternalId is { } externalId)
        {
            var holder = await ledger.ClaimExternalIdAsync(submission.Channel, externalId, id, cancellationToken);
            if (holder != id)
            {
                // The same complaint came earlier through another delivery: this one leads to it and starts nothing.
                await ledger.MarkRecordedAsync(delivery, holder, cancellationToken);
                return holder;
            }
        }

        await store.TryAddAsync(Complaint.Receive(id, submission, delivery.ReceivedAt), cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.ComplaintOrchestrator, new ComplaintWorkflowInput(id.Value), id.Value, cancellationToken);
        await ledger.MarkRecordedAsync(delivery, id, cancellationToken);
        return id;
    }

    /// <summary>Records <paramref name="deliveries"/> together; the same outcome as <see cref="RecordAsync(AcceptedDelivery, CancellationToken)"/> for each.</summary>
    public async Task RecordAsync(IReadOnlyList<AcceptedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var pending = deliveries.Where(d => !d.IsRecorded).DistinctBy(d => d.ComplaintId).ToList();
        if (pending.Any(d => d.Submission is null))
        {
            throw new InvalidOperationException($"Delivery {pending.First(d => d.Submission is null).Key} is unrecorded but holds no submission.");
        }

        var holders = await ledger.ClaimExternalIdsAsync(pending, cancellationToken);
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
        await Task.WhenAll(own.Select(d => client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.ComplaintOrchestrator, new ComplaintWorkflowInput(d.ComplaintId.Value), d.ComplaintId.Value, cancellationToken)));
        await ledger.MarkRecordedAsync(own, cancellationToken);
    }
}
