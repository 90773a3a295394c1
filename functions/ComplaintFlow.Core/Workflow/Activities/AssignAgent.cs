using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// Gives the complaint to the team for its category: the least-loaded active agent at tier 1, the team lead at
/// tier 2, the complaints manager at tier 3; starts the round's SLA clock.
/// </summary>
public sealed class AssignAgent(ComplaintUpdater complaints, IAgentDirectory directory, RoutingPolicy routing, SlaPolicy sla, TimeProvider time)
    : IActivity<AssignInput, AssignmentResult>
{
    public async Task<AssignmentResult> RunAsync(AssignInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.GetAsync(input.ComplaintId, cancellationToken);
        if (!complaint.HasApplied(input.StepId))
        {
            var team = routing.TeamFor(complaint.Category!.Value);
            string? previous = null;
            if (input.Reassign)
            {
                previous = complaint.AssignedAgent;
                await directory.ReleaseAsync(input.ComplaintId, cancellationToken);
            }

            var assignment = await directory.AssignAsync(team, input.ComplaintId, time.GetUtcNow(), previous, cancellationToken);
            var assignee = routing.AssigneeForTier(team, complaint.EscalationTier, assignment.AgentId);
            complaint = await complaints.UpdateAsync(
                input.ComplaintId,
                input.StepId,
                c =>
                {
                    var now = time.GetUtcNow();
                    var deadlines = sla.Start(c.Severity!.Value, now);
                    c.Assign(team, assignee, deadlines.FirstResponse.Due, deadlines.Resolution.Due, now, input.StepId);
                },
                cancellationToken);
        }

        // The same answer on every run: the deadlines count from when this step assigned it.
        var started = ComplaintUpdater.WhenApplied(complaint, input.StepId, time.GetUtcNow());
        var schedule = sla.Start(complaint.Severity!.Value, started).ToSchedule();
        return new AssignmentResult(complaint.Team!, complaint.AssignedAgent!, complaint.EscalationTier, complaint.Round, schedule);
    }
}
