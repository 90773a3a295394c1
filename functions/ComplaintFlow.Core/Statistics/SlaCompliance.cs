namespace ComplaintFlow.Core.Statistics;

/// <summary>Where one SLA window of a complaint stands, for the compliance figures.</summary>
public enum SlaCompliance
{
    /// <summary>The window does not apply (merged, rejected at intake, abandoned before anyone answered).</summary>
    NotApplicable,

    /// <summary>Answered or resolved within the window (in SLA time).</summary>
    Met,

    /// <summary>Answered or resolved late, or the window ran out while it was still open.</summary>
    Breached,

    /// <summary>Still running.</summary>
    Open,
}
