namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.EscalateComplaint"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="StepId">The step, for idempotency.</param>
/// <param name="Reason">Why, for the timeline and the email.</param>
/// <param name="Breached">The SLA window that was missed, or null when an agent asked to escalate.</param>
public sealed record EscalationInput(string ComplaintId, string StepId, string Reason, SlaDeadlineKind? Breached);
