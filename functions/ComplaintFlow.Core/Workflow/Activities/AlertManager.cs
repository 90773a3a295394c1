using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Tells the complaints manager about a complaint that keeps coming back.</summary>
public sealed class AlertManager(ComplaintUpdater complaints, IAgentDirectory directory, RoutingPolicy routing, ComplaintMailer mailer, TimeProvider time) : IActivity<ReasonInput, bool>
{
    public async Task<bool> RunAsync(ReasonInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.Note(TimelineEventKind.Note, Complaint.SystemActor, $"Complaints manager alerted: {input.Reason}", time.GetUtcNow(), input.StepId),
            cancellationToken);
        var manager = await AgentLookup.RequireAsync(directory, routing.Manager, cancellationToken);
        var model = mailer.ModelFor(complaint, manager.Name) with { Reason = input.Reason };
        await mailer.ToAgentAsync(complaint, manager, EmailKind.ManagerAlert, input.StepId, model, cancellationToken);
        return true;
    }
}
