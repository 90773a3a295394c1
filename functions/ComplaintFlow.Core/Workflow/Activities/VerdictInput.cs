namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.RecordVerdict"/>.</summary>
public sealed record VerdictInput(string ComplaintId, string StepId, CustomerConfirmation Confirmation);
