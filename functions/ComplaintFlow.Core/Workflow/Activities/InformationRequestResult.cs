namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.RequestInformation"/>: when silence closes the complaint as abandoned.</summary>
public sealed record InformationRequestResult(DateTime AbandonAt, int Generation);
