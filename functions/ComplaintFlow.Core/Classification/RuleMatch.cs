using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Classification;

/// <summary>A rule that matched a complaint, and what of the text it matched.</summary>
/// <param name="Rule">The rule's display name.</param>
/// <param name="Category">The category it voted for, if any.</param>
/// <param name="Severity">The severity it asked for, if any.</param>
/// <param name="Score">Its vote: the rule's weight times the number of distinct keywords found.</param>
/// <param name="Matched">The words found in the text (normalised to lower case), in order of appearance.</param>
public sealed record RuleMatch(string Rule, Category? Category, Severity? Severity, double Score, IReadOnlyList<string> Matched)
{
    /// <summary>How the reason shows this match: <c>payment-failure: 支付失败, charged twice (Payment, Urgent)</c>.</summary>
    public override string ToString()
    {
        var effects = string.Join(", ", new[] { Category?.ToString(), Severity?.ToString() }.Where(e => e is not null));
        return $"{Rule}: {string.Join(", ", Matched)} ({effects})";
    }
}
