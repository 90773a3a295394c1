using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Core.Workflow;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// Accepts a validated submission from any channel: remembers the delivery key, records the complaint and starts its
/// orchestration (instance id = complaint id) — and nothing more, so the sender gets its answer fast. Every step is
/// idempotent, so a repeat delivery, a concurrent duplicate or a retry after a crash half-way starts exactly one
/// orchestration and gets the first answer again.
/// </summary>
public sealed class ComplaintIntake(
    IComplaintStore store,
    IIdempotencyStore idempotency,
    IRestrictionStore restrictions,
    IOrchestrationClient client,
    SlaPolicy sla,
    TimeProvider time)
{
    private const int AcceptedStatus = 202;

    public async Task<IntakeOutcome> AcceptAsync(ComplaintSubmission submission, IntakeKey key, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();

        var candidate = ComplaintId.New(now);
        var first = await idempotency.TryReserveAsync(key.Scope, key.Key, fingerprint, candidate, now, cancellationToken);
        if (first is not null)
        {
            if (!first.IsSameRequest(fingerprint))
            {
                return new IntakeOutcome(IntakeOutcomeKind.KeyReusedWithOtherBody);
            }

            if (first.IsCompleted && first.ResponseBody is not null)
            {
                return new IntakeOutcome(IntakeOutcomeKind.Accepted, Read(first.ResponseBody), IsRepeat: true);
            }
        }

        // A first delivery that stopped half-way left its complaint id: carry on with it.
        var id = first?.ComplaintId ?? candidate;

        if (submission.ExternalId is { } externalId)
        {
            var external = await idempotency.TryReserveAsync(IntakeKey.ExternalScope, $"{submission.Channel}|{externalId}", fingerprint, id, now, cancellationToken);
            if (external is not null && external.ComplaintId != id)
            {
                // The same complaint came earlier through another delivery: answer with that one, start nothing.
                var earlier = await ReceiptForAsync(external.ComplaintId, submission, now, cancellationToken);
                await idempotency.CompleteAsync(key.Scope, key.Key, AcceptedStatus, Write(earlier), cancellationToken);
                return new IntakeOutcome(IntakeOutcomeKind.Accepted, earlier, IsRepeat: true);
            }
        }

        var recorded = first is null ? null : await store.FindAsync(id, cancellationToken);
        if (recorded is null && await restrictions.FindActiveAsync(submission.Customer.Id, now, cancellationToken) is { } restriction)
        {
            return new IntakeOutcome(IntakeOutcomeKind.Restricted, Restriction: restriction);
        }

        var added = recorded is null && await store.TryAddAsync(Complaint.Receive(id, submission, now), cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.ComplaintOrchestrator, new ComplaintWorkflowInput(id.Value), id.Value, cancellationToken);

        var receipt = added ? Receipt(id, submission, now) : await ReceiptForAsync(id, submission, now, cancellationToken);
        await idempotency.CompleteAsync(key.Scope, key.Key, AcceptedStatus, Write(receipt), cancellationToken);
        return new IntakeOutcome(IntakeOutcomeKind.Accepted, receipt, IsRepeat: first is not null);
    }

    private async Task<IntakeReceipt> ReceiptForAsync(ComplaintId id, ComplaintSubmission submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(id, cancellationToken);
        return Receipt(id, submission, stored?.Complaint.ReceivedAt ?? now);
    }

    private IntakeReceipt Receipt(ComplaintId id, ComplaintSubmission submission, DateTimeOffset receivedAt) => new(
        id.Value,
        nameof(ComplaintStatus.Received),
        $"/api/complaints/{id.Value}",
        sla.Start(submission.SeverityHint ?? Severity.Normal, receivedAt).FirstResponse.Due);

    private static string Write(IntakeReceipt receipt) => JsonSerializer.Serialize(receipt, WorkflowJson.Options);

    private static IntakeReceipt Read(string json) =>
        JsonSerializer.Deserialize<IntakeReceipt>(json, WorkflowJson.Options) ?? throw new InvalidOperationException("A stored intake answer could not be read.");
}
