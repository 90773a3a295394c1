using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Emails the current assignee the complaint and a signed link to decide on it.</summary>
public sealed class NotifyAgent(ComplaintUpdater complaints, IAgentDirectory directory, ComplaintMailer mailer, TimeProvider time) : IActivity<NotifyAgentInput, bool>
{
    public async Task<bool> RunAsync(NotifyAgentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.Note(TimelineEventKind.AgentNotified, Complaint.SystemActor, $"{c.AssignedAgent} notified: {input.Reason}", time.GetUtcNow(), input.StepId),
            cancellationToken);
        var agent = await AgentLookup.RequireAsync(directory, complaint.AssignedAgent!, cancellationToken);
        var model = mailer.ModelFor(complaint, agent.Name) with { Reason = input.Reason, Links = mailer.DecisionLinks(complaint, agent.Id) };
        await mailer.ToAgentAsync(complaint, agent, EmailKind.AgentAssignment, input.StepId, model, cancellationToken);
        return true;
    }
}
