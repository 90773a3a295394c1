namespace ComplaintFlow.Core.Complaints;

/// <summary>How a finished complaint ended.</summary>
public enum ComplaintOutcome
{
    /// <summary>Not finished yet.</summary>
    None,

    /// <summary>Resolved and confirmed by the customer.</summary>
    Resolved,

    /// <summary>Resolved; the customer did not answer within the confirmation window.</summary>
    ResolvedUnconfirmed,

    /// <summary>The agent found it unfounded and the customer accepted or did not answer.</summary>
    Unfounded,

    /// <summary>The customer never supplied the information asked for.</summary>
    Abandoned,

    /// <summary>Merged into an open complaint of the same customer.</summary>
    Merged,

    /// <summary>Refused at verification.</summary>
    RejectedAtIntake,

    /// <summary>Closed while still open because the customer's personal data was erased.</summary>
    Erased,
}
