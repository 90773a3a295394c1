namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// The input of an activity that needs only the complaint. <paramref name="StepId"/> comes from the orchestration's
/// deterministic <c>NewGuid</c>, so an activity that runs twice recognises its own earlier write and does not repeat it.
/// </summary>
public sealed record StepInput(string ComplaintId, string StepId);
