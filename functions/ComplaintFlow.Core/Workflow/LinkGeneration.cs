using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Workflow;

/// <summary>
/// Which step an emailed link belongs to. A link carries the generation it was issued for; once the complaint
/// has moved on (another tier, another round) the link is stale and its page says so.
/// </summary>
public static class LinkGeneration
{
    /// <summary>For agent decision links and customer information links: changes with every tier and every round.</summary>
    public static int ForAssignment(int round, int tier) => (round * 10) + tier;

    /// <summary>For agent decision links and customer information links of <paramref name="complaint"/> now.</summary>
    public static int ForAssignment(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return ForAssignment(complaint.Round, complaint.EscalationTier);
    }

    /// <summary>For customer confirmation links: the round.</summary>
    public static int ForConfirmation(int round) => round;
}
