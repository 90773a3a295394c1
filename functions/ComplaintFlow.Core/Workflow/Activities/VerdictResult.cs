namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.RecordVerdict"/>.</summary>
/// <param name="Closed">True when the customer was satisfied.</param>
/// <param name="Round">The round now (the next one when reopened).</param>
/// <param name="ManagerMustBeAlerted">True when the complaint has been reopened more often than the policy allows.</param>
public sealed record VerdictResult(bool Closed, int Round, bool ManagerMustBeAlerted);
