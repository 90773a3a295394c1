using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// Moves the complaint one tier up (team lead, then complaints manager) and emails the new assignee a decision
/// link; at the top tier a breach is recorded and the manager alerted instead.
/// </summary>
public sealed class EscalateComplaint(ComplaintUpdater complaints, IAgentDirectory directory, RoutingPolicy routing, ComplaintMailer mailer, TimeProvider time)
    : IActivity<EscalationInput, EscalationResult>
{
    public async Task<EscalationResult> RunAsync(EscalationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await complaints.GetAsync(input.ComplaintId, cancellationToken);
        var alreadyDone = current.HasApplied(input.StepId);
        if (!alreadyDone && current.Status != ComplaintStatus.Assigned)
        {
            return new EscalationResult(false, current.EscalationTier, current.AssignedAgent ?? string.Empty);
        }

        var atTop = alreadyDone
            ? !current.Timeline.Any(e => e.StepId == input.StepId && e.Kind == TimelineEventKind.Escalated)
            : current.EscalationTier >= Complaint.MaxTier;
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c =>
            {
                var now = time.GetUtcNow();
                if (input.Breached is { } breached)
                {
                    c.RecordBreach(breached == SlaDeadlineKind.FirstResponse ? "first response" : "resolution", now, input.StepId);
                }

                if (c.EscalationTier < Complaint.MaxTier)
                {
                    c.Escalate(routing.AssigneeForTier(c.Team!, c.EscalationTier + 1, c.AssignedAgent!), input.Reason, now, input.StepId);
                }
                else if (input.Breached is null)
                {
                    c.Note(TimelineEventKind.Note, Complaint.SystemActor, $"Escalation asked at the top tier: {input.Reason}", now, input.StepId);
                }
            },
            cancellationToken);

        var recipient = await AgentLookup.RequireAsync(directory, atTop ? routing.Manager : complaint.AssignedAgent!, cancellationToken);
        var model = mailer.ModelFor(complaint, recipient.Name) with
        {
            Reason = input.Reason,
            Links = recipient.Id == complaint.AssignedAgent ? mailer.DecisionLinks(complaint, recipient.Id) : [],
        };
        await mailer.ToAgentAsync(complaint, recipient, atTop ? EmailKind.ManagerAlert : EmailKind.Escalation, input.StepId, model, cancellationToken);
        return new EscalationResult(!atTop, complaint.EscalationTier, complaint.AssignedAgent!);
    }
}
