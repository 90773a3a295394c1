using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Records the agent's resolution (or reasoned rejection) and emails it to the customer with confirm / not satisfied links.</summary>
public sealed class ProposeOutcome(ComplaintUpdater complaints, ComplaintMailer mailer, SlaOptions options, TimeProvider time) : IActivity<OutcomeInput, ConfirmationWindow>
{
    public async Task<ConfirmationWindow> RunAsync(OutcomeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = input.Decision;
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.ProposeOutcome(new Resolution(decision.Kind, decision.Text ?? string.Empty, decision.Compensation, decision.AgentId, time.GetUtcNow()), input.StepId),
            cancellationToken);
        var proposed = ComplaintUpdater.WhenApplied(complaint, input.StepId, time.GetUtcNow());
        var model = mailer.ModelFor(complaint, complaint.Customer.Name) with
        {
            ResolutionText = complaint.Resolution?.Text,
            Compensation = complaint.Resolution?.Compensation ?? Compensation.None,
            OutcomeIsRejection = complaint.Resolution?.Kind == AgentDecisionKind.Reject,
            ConfirmBy = proposed + options.ConfirmationTimeout,
            Links = mailer.ConfirmationLinks(complaint),
        };
        await mailer.ToCustomerAsync(complaint, EmailKind.Outcome, input.StepId, model, cancellationToken);
        return new ConfirmationWindow((proposed + options.ConfirmationReminderAfter).UtcDateTime, (proposed + options.ConfirmationTimeout).UtcDateTime);
    }
}
