namespace ComplaintFlow.Core.Complaints;

/// <summary>Where a complaint is in its lifecycle.</summary>
public enum ComplaintStatus
{
    /// <summary>Recorded, not yet checked.</summary>
    Received,

    /// <summary>Being checked and classified.</summary>
    Verifying,

    /// <summary>Waiting for the customer to add information; the SLA clock is paused.</summary>
    NeedsInfo,

    /// <summary>With an agent (at <see cref="Complaint.EscalationTier"/>), waiting for a decision.</summary>
    Assigned,

    /// <summary>The customer has the outcome and is asked to confirm it; the SLA clock is paused.</summary>
    AwaitingCustomer,

    /// <summary>The customer was not satisfied; a new round is about to be assigned.</summary>
    Reopened,

    /// <summary>Finished; see <see cref="Complaint.Outcome"/>.</summary>
    Closed,

    /// <summary>Refused at verification (abuse, spam, no real description); kept with its reason.</summary>
    Rejected,
}
