namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.ProposeOutcome"/>: the agent's resolve or reject decision.</summary>
public sealed record OutcomeInput(string ComplaintId, string StepId, AgentDecision Decision);
