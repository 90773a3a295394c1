namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The input of <see cref="WorkflowNames.Activities.RequestInformation"/>.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="StepId">The step, for idempotency.</param>
/// <param name="Question">What the customer is asked.</param>
/// <param name="Actor">Who asks: an agent id, or <c>system</c> at verification.</param>
public sealed record InformationRequestInput(string ComplaintId, string StepId, string Question, string Actor);
