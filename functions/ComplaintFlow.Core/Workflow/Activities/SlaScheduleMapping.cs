using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Converts between the SLA policy's deadlines and the schedule the orchestration arms.</summary>
public static class SlaScheduleMapping
{
    public static SlaSchedule ToSchedule(this SlaDeadlines deadlines, bool firstResponseDone = false)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return new SlaSchedule(
            deadlines.FirstResponse.Due.UtcDateTime,
            deadlines.FirstResponse.Reminders.Select(r => r.UtcDateTime).ToList(),
            deadlines.Resolution.Due.UtcDateTime,
            deadlines.Resolution.Reminders.Select(r => r.UtcDateTime).ToList(),
            firstResponseDone,
            deadlines.Severity);
    }

    /// <summary>The schedule as deadlines of the severity it was made for; <paramref name="severity"/> when it does not say.</summary>
    public static SlaDeadlines ToDeadlines(this SlaSchedule schedule, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new SlaDeadlines(
            schedule.Severity ?? severity,
            new SlaClock(Utc(schedule.FirstResponseDue), schedule.FirstResponseReminders.Select(Utc).ToList()),
            new SlaClock(Utc(schedule.ResolutionDue), schedule.ResolutionReminders.Select(Utc).ToList()));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
