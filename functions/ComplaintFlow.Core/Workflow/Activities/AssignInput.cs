namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.AssignAgent"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="StepId">The step, for idempotency.</param>
/// <param name="Reassign">True when the agent asked to hand the complaint to a colleague.</param>
public sealed record AssignInput(string ComplaintId, string StepId, bool Reassign = false);
