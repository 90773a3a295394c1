namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.AssignAgent"/>: who has it now, and the round's SLA timers.</summary>
public sealed record AssignmentResult(string Team, string Assignee, int Tier, int Round, SlaSchedule Schedule);
