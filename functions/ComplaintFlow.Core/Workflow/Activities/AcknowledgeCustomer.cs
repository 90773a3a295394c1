using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Tells the customer the complaint is in hand and when to expect an answer; out of hours, says when the team is back.</summary>
public sealed class AcknowledgeCustomer(ComplaintUpdater complaints, ComplaintMailer mailer, SlaPolicy sla, TimeProvider time) : IActivity<StepInput, bool>
{
    public async Task<bool> RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await complaints.GetAsync(input.ComplaintId, cancellationToken);
        var at = ComplaintUpdater.WhenApplied(current, input.StepId, time.GetUtcNow());
        var outOfHours = !sla.TargetFor(current.Severity ?? Severity.Normal).AroundTheClock && sla.IsOutOfHours(at);
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.Note(TimelineEventKind.Acknowledged, Complaint.SystemActor, outOfHours ? "Acknowledged out of hours; the customer was told when the team is back." : "Acknowledged to the customer.", at, input.StepId),
            cancellationToken);
        var model = mailer.ModelFor(complaint, complaint.Customer.Name) with { OutOfHours = outOfHours, BackAt = outOfHours ? sla.BackAt(at) : null };
        return await mailer.ToCustomerAsync(complaint, EmailKind.Acknowledgement, input.StepId, model, cancellationToken);
    }
}
