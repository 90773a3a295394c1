namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>What verification concluded.</summary>
public enum VerificationDecision
{
    Accept,
    AskForInformation,
    Reject,
    MergeIntoOriginal,
}
