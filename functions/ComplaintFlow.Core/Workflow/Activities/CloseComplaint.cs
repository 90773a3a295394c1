using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Closes the complaint (unconfirmed, abandoned, or already closed by the customer), frees the agent, and tells the customer.</summary>
public sealed class CloseComplaint(ComplaintUpdater complaints, IAgentDirectory directory, ComplaintMailer mailer, TimeProvider time) : IActivity<CloseInput, bool>
{
    public async Task<bool> RunAsync(CloseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c =>
            {
                var now = time.GetUtcNow();
                switch (input.Reason)
                {
                    case ClosingReason.Unconfirmed:
                        c.CloseUnconfirmed(now, input.StepId);
                        break;
                    case ClosingReason.Abandoned:
                        c.Abandon(now, input.StepId);
                        break;
                    default:
                        c.Note(TimelineEventKind.Note, Complaint.SystemActor, "Archived with its timeline.", now, input.StepId);
                        break;
                }
            },
            cancellationToken);
        await directory.ReleaseAsync(input.ComplaintId, cancellationToken);
        var model = mailer.ModelFor(complaint, complaint.Customer.Name) with
        {
            Reason = EmailReasons.Closure(complaint.Outcome, complaint.Customer.Locale),
            ResolutionText = complaint.Resolution?.Text,
            OutcomeIsRejection = complaint.Resolution?.Kind == AgentDecisionKind.Reject,
        };
        return await mailer.ToCustomerAsync(complaint, EmailKind.Closure, input.StepId, model, cancellationToken);
    }
}
