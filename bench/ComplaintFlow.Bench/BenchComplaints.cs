using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Workflow;

namespace ComplaintFlow.Bench;

/// <summary>
/// What every lifecycle benchmark files and answers: an urgent complaint ("the app crashes") per lifecycle, the team
/// lead's resolution after the first-response breach escalated it to them, and the customer's confirmation.
/// </summary>
internal static class BenchComplaints
{
    /// <summary>The tech team's lead, who gets an urgent app complaint at the first-response breach (appsettings' roster).</summary>
    public const string Lead = "tech-lead";

    /// <summary>The lead's decision, on the decision link the escalation email carries (round 1, tier 2).</summary>
    public static AgentDecision LeadResolves { get; } = new(
        AgentDecisionKind.Resolve, Lead, LinkGeneration.ForAssignment(round: 1, tier: 2), "Fixed in 5.2.2; the double charge is refunded.", Compensation.Refund);

    /// <summary>The customer's "satisfied", rated 5, on the round-1 confirmation link of the outcome email.</summary>
    public static CustomerConfirmation CustomerSatisfied { get; } = new(true, LinkGeneration.ForConfirmation(1), 5);

    public static ComplaintSubmission Submission(int i) => new(
        $"bench-{i}",
        Channel.AppFeedback,
        new Customer($"u-{i}", "Tom Baker", $"customer{i}@example.com", "+8613800000000", i % 2 == 0 ? Locale.En : Locale.Zh),
        "App crashes at checkout",
        $"The app crashes every time I press Pay ({Words(i)}). I was charged twice.",
        string.Create(CultureInfo.InvariantCulture, $"order-{i}"),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["appVersion"] = "5.2.1" },
        null);

    /// <summary>
    /// Fails when two filed complaints were given the same id: the second is then recorded as the first (its receipt
    /// names the other complaint) and no lifecycle of its own runs, which checking each id's outcome would not notice.
    /// An id is the second of the month and 28 random bits, so thousands filed within one second (a fake clock that
    /// stands still while filing) can meet.
    /// </summary>
    public static void RequireDistinct(IReadOnlyCollection<string> ids)
    {
        var repeated = ids.Count - ids.Distinct(StringComparer.Ordinal).Count();
        if (repeated > 0)
        {
            throw new InvalidOperationException($"{repeated} of {ids.Count} complaints were given an id an earlier complaint already had, so their lifecycles never ran.");
        }
    }

    /// <summary>A different text per complaint: digits alone would not make texts differ for the same-text abuse check.</summary>
    private static string Words(int i) => string.Concat(i.ToString("D6", CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));
}
