namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.SendReminder"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="StepId">The step, for idempotency.</param>
/// <param name="Deadline">Which window.</param>
/// <param name="Due">When that window ends (UTC).</param>
public sealed record ReminderInput(string ComplaintId, string StepId, SlaDeadlineKind Deadline, DateTime Due);
