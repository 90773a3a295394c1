namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Why the orchestration closes a complaint.</summary>
public enum ClosingReason
{
    /// <summary>The customer confirmed (the record is already closed by the verdict).</summary>
    Confirmed,

    /// <summary>The customer did not answer within the confirmation window.</summary>
    Unconfirmed,

    /// <summary>The customer never answered the question put to them.</summary>
    Abandoned,
}
