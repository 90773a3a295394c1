using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// When a repeat raised the complaint's severity above the one its schedule was made for: recomputes the remaining
/// deadlines and reminders from the new severity's windows (the time already used counts), records them and emails
/// the assignee. Returns the schedule to run on from now, or null when nothing changed.
/// </summary>
public sealed class ReprioritizeComplaint(ComplaintUpdater complaints, IAgentDirectory directory, ComplaintMailer mailer, SlaPolicy sla, TimeProvider time)
    : IActivity<ReprioritizeInput, SlaSchedule?>
{
    public async Task<SlaSchedule?> RunAsync(ReprioritizeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schedule = input.Schedule;
        var complaint = await complaints.GetAsync(input.ComplaintId, cancellationToken);
        if (complaint.Severity is not { } severity)
        {
            return null;
        }

        var current = schedule.ToDeadlines(severity);
        if (!complaint.HasApplied(input.StepId) && (current.Severity == severity || complaint.Status != ComplaintStatus.Assigned))
        {
            return null;
        }

        complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c =>
            {
                var now = time.GetUtcNow();
                var moved = sla.Reprioritize(current, c.Severity!.Value, now);
                c.Reschedule(moved.FirstResponse.Due, moved.Resolution.Due, now, input.StepId);
            },
            cancellationToken);

        // The same answer on every run: from when this step recorded it, for the severity it recorded.
        var at = ComplaintUpdater.WhenApplied(complaint, input.StepId, time.GetUtcNow());
        var rescheduled = sla.Reprioritize(current, complaint.Severity!.Value, at).ToSchedule(schedule.FirstResponseDone);
        var agent = await AgentLookup.RequireAsync(directory, complaint.AssignedAgent!, cancellationToken);
        var model = mailer.ModelFor(complaint, agent.Name) with
        {
            FirstResponseDue = schedule.FirstResponseDone ? null : complaint.FirstResponseDue,
            PreviousSeverity = current.Severity,
            Links = mailer.DecisionLinks(complaint, agent.Id),
        };
        await mailer.ToAgentAsync(complaint, agent, EmailKind.PriorityRaised, input.StepId, model, cancellationToken);
        return rescheduled;
    }
}
