using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Reminds the customer, once, to confirm the outcome before the complaint closes by itself.</summary>
public sealed class SendConfirmationReminder(ComplaintUpdater complaints, ComplaintMailer mailer, SlaOptions options, TimeProvider time) : IActivity<StepInput, bool>
{
    public async Task<bool> RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.Note(TimelineEventKind.ReminderSent, Complaint.SystemActor, "Reminded the customer to confirm the outcome.", time.GetUtcNow(), input.StepId),
            cancellationToken);
        var proposed = complaint.ResolvedAt ?? time.GetUtcNow();
        var model = mailer.ModelFor(complaint, complaint.Customer.Name) with
        {
            ResolutionText = complaint.Resolution?.Text,
            Compensation = complaint.Resolution?.Compensation ?? Compensation.None,
            OutcomeIsRejection = complaint.Resolution?.Kind == AgentDecisionKind.Reject,
            ConfirmBy = proposed + options.ConfirmationTimeout,
            Links = mailer.ConfirmationLinks(complaint),
        };
        return await mailer.ToCustomerAsync(complaint, EmailKind.ConfirmationReminder, input.StepId, model, cancellationToken);
    }
}
