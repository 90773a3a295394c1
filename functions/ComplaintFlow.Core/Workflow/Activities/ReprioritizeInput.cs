namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.ReprioritizeComplaint"/>: the schedule the workflow runs on now.</summary>
public sealed record ReprioritizeInput(string ComplaintId, string StepId, SlaSchedule Schedule);
