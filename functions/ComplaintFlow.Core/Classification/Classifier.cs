using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Classification;

/// <summary>
/// Decides a complaint's category and severity from its subject and description, in Chinese and English, by the
/// configured keyword rules (<see cref="ClassificationOptions"/>). Pure and thread-safe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Category: each matching rule scores its weight once per distinct keyword found; the category with the highest
/// total wins; a tie goes to the category mentioned first in the text, then to the rule listed first; no match gives
/// <see cref="Category.Other"/>.</item>
/// <item>Severity: the highest severity among matching rules, else the default (Normal). A rule that asks for less than
/// the default (a suggestion is Low) counts only when its category won, so "suggest" in a delivery complaint does not
/// lower it. The sender's hint may raise the severity, never lower it.</item>
/// </list>
/// </remarks>
public sealed class Classifier
{
    private readonly CompiledRule[] _rules;
    private readonly Severity _defaultSeverity;

    /// <exception cref="ArgumentException">The options are not valid (the message lists every problem).</exception>
    public Classifier(ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The classification settings are not valid: " + string.Join(" ", errors), nameof(options));
        }

        _defaultSeverity = options.DefaultSeverity;
        _rules = [.. options.EffectiveRules().Select((rule, index) => new CompiledRule(rule, index))];
    }

    /// <summary>Classifies one complaint.</summary>
    /// <param name="subject">Optional short title.</param>
    /// <param name="description">What happened.</param>
    /// <param name="severityHint">The sender's view of urgency; raises the severity, never lowers it.</param>
    public ClassificationResult Classify(string? subject, string description, Severity? severityHint)
    {
        var text = KeywordPattern.Normalize((subject ?? "") + "\n" + (description ?? ""));

        var found = new List<(CompiledRule Rule, int FirstIndex, RuleMatch Match)>();
        foreach (var rule in _rules)
        {
            if (rule.Match(text) is { } hit)
            {
                found.Add((rule, hit.FirstIndex, hit.Match));
            }
        }

        var category = found
            .Where(f => f.Rule.Category is not null)
            .GroupBy(f => f.Rule.Category!.Value)
            .Select(g => (Category: g.Key, Score: g.Sum(f => f.Match.Score), First: g.Min(f => f.FirstIndex), Order: g.Min(f => f.Rule.Order)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.First)
            .ThenBy(c => c.Order)
            .Select(c => (Category?)c.Category)
            .FirstOrDefault() ?? Category.Other;

        var ruled = found
            .Where(f => f.Rule.Severity is { } s && (s >= _defaultSeverity || f.Rule.Category is null || f.Rule.Category == category))
            .Select(f => f.Rule.Severity!.Value)
            .DefaultIfEmpty(_defaultSeverity)
            .Max();

        var matches = found.Select(f => f.Match).ToArray();
        var reason = matches.Length == 0 ? "no rule matched" : string.Join("; ", matches.Select(m => m.ToString()));
        var severity = ruled;
        if (severityHint is { } hint && hint > ruled)
        {
            severity = hint;
            reason += $"; severity raised from {ruled} to {hint} by the sender's hint";
        }

        return new ClassificationResult(category, severity, reason, matches);
    }

    private sealed class CompiledRule(ClassificationRule rule, int order)
    {
        private readonly KeywordPattern[] _patterns = [.. rule.Keywords.Select(k => new KeywordPattern(k))];
        private readonly string _name = rule.DisplayName;
        private readonly double _weight = rule.Weight;

        public int Order { get; } = order;

        public Category? Category { get; } = rule.Category;

        public Severity? Severity { get; } = rule.Severity;

        public (int FirstIndex, RuleMatch Match)? Match(string text)
        {
            var hits = _patterns
                .Select(p => p.FindFirst(text))
                .OfType<(int Index, string Found)>()
                .OrderBy(h => h.Index)
                .ToArray();
            if (hits.Length == 0)
            {
                return null;
            }

            var words = hits.Select(h => h.Found).Distinct(StringComparer.Ordinal).ToArray();
            return (hits[0].Index, new RuleMatch(_name, Category, Severity, _weight * hits.Length, words));
        }
    }
}
