namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.CloseComplaint"/>.</summary>
public sealed record CloseInput(string ComplaintId, string StepId, ClosingReason Reason);
