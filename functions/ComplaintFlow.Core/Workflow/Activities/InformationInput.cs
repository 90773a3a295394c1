namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.RecordInformation"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="StepId">The step, for idempotency.</param>
/// <param name="Information">What the customer added.</param>
/// <param name="PausedAt">When the SLA clock was paused (UTC).</param>
/// <param name="Paused">The schedule that was paused, or null when the question was asked at verification.</param>
public sealed record InformationInput(string ComplaintId, string StepId, string Information, DateTime PausedAt, SlaSchedule? Paused);
