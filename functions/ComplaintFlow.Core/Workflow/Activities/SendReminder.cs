using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Reminds the current assignee that an SLA deadline is getting close.</summary>
public sealed class SendReminder(ComplaintUpdater complaints, IAgentDirectory directory, ComplaintMailer mailer, TimeProvider time) : IActivity<ReminderInput, bool>
{
    public async Task<bool> RunAsync(ReminderInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var due = new DateTimeOffset(DateTime.SpecifyKind(input.Due, DateTimeKind.Utc));
        var what = input.Deadline == SlaDeadlineKind.FirstResponse ? "first response" : "resolution";
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.Note(TimelineEventKind.ReminderSent, Complaint.SystemActor, $"Reminded {c.AssignedAgent}: {what} due {due:u}.", time.GetUtcNow(), input.StepId),
            cancellationToken);
        if (complaint.Status != ComplaintStatus.Assigned)
        {
            return false;
        }

        var sent = ComplaintUpdater.WhenApplied(complaint, input.StepId, time.GetUtcNow());
        var assigned = complaint.Timeline.LastOrDefault(e => e.Kind == TimelineEventKind.Assigned)?.At ?? complaint.ReceivedAt;
        var fraction = due > assigned ? Math.Clamp((sent - assigned) / (due - assigned), 0, 1) : 1;
        var agent = await AgentLookup.RequireAsync(directory, complaint.AssignedAgent!, cancellationToken);
        var model = mailer.ModelFor(complaint, agent.Name) with
        {
            ReminderFraction = Math.Round(fraction, 2),
            Deadline = input.Deadline == SlaDeadlineKind.FirstResponse ? ReminderDeadline.FirstResponse : ReminderDeadline.Resolution,
            Links = mailer.DecisionLinks(complaint, agent.Id),
        };
        await mailer.ToAgentAsync(complaint, agent, EmailKind.Reminder, input.StepId, model, cancellationToken);
        return true;
    }
}
