namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.MergeComplaint"/>.</summary>
public sealed record MergeInput(string ComplaintId, string StepId, string OriginalComplaintId);
