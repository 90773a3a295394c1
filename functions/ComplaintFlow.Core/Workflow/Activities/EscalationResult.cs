namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.EscalateComplaint"/>; <paramref name="Escalated"/> is false at the top tier.</summary>
public sealed record EscalationResult(bool Escalated, int Tier, string Assignee);
