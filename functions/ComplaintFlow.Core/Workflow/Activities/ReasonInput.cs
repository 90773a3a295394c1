namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of an activity that acts for a stated reason (reject, alert the manager).</summary>
public sealed record ReasonInput(string ComplaintId, string StepId, string Reason);
