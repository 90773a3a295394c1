using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The SLA timers of the current round, in UTC, as the orchestration arms them.</summary>
/// <param name="FirstResponseDue">When the first response is due.</param>
/// <param name="FirstResponseReminders">Reminder points before it, ascending.</param>
/// <param name="ResolutionDue">When the resolution is due.</param>
/// <param name="ResolutionReminders">Reminder points before it, ascending.</param>
/// <param name="FirstResponseDone">True once an agent has responded; its timers are then dropped.</param>
/// <param name="Severity">The severity the windows are those of (null in schedules written before it was recorded).</param>
public sealed record SlaSchedule(
    DateTime FirstResponseDue,
    IReadOnlyList<DateTime> FirstResponseReminders,
    DateTime ResolutionDue,
    IReadOnlyList<DateTime> ResolutionReminders,
    bool FirstResponseDone = false,
    Severity? Severity = null);
