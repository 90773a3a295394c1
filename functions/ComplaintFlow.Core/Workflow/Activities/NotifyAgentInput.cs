namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.NotifyAgent"/>; <paramref name="Reason"/> is the first line of the email.</summary>
public sealed record NotifyAgentInput(string ComplaintId, string StepId, string Reason);
