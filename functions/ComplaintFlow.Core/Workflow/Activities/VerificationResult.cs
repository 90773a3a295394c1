namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.VerifyComplaint"/>.</summary>
/// <param name="Decision">What to do next.</param>
/// <param name="Reason">Why (rejection reason, or what is missing).</param>
/// <param name="Question">For <see cref="VerificationDecision.AskForInformation"/>: what to ask the customer.</param>
/// <param name="OriginalComplaintId">For <see cref="VerificationDecision.MergeIntoOriginal"/>: the open complaint it repeats.</param>
/// <param name="RestrictCustomer">For a rejection: the customer's further complaints are refused at intake for a while.</param>
public sealed record VerificationResult(
    VerificationDecision Decision,
    string? Reason = null,
    string? Question = null,
    string? OriginalComplaintId = null,
    bool RestrictCustomer = false);
