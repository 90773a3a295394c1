using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Statistics;

/// <summary>
/// The figures for a period (a month or a range of days), read from its <see cref="StatisticsAggregate"/>. Rates are
/// shares of <see cref="Total"/> (0–1); satisfaction shares are of the complaints closed after an outcome was proposed.
/// Busiest hours and weekdays are in the business calendar's zone.
/// </summary>
public sealed record StatisticsReport
{
    public required DateOnly FirstDay { get; init; }

    /// <summary>The last day included.</summary>
    public required DateOnly LastDay { get; init; }

    public required long Total { get; init; }

    public required IReadOnlyDictionary<string, long> ByCategory { get; init; }

    public required IReadOnlyDictionary<string, long> BySeverity { get; init; }

    public required IReadOnlyDictionary<string, long> ByChannel { get; init; }

    public required IReadOnlyDictionary<string, long> ByTeam { get; init; }

    public required IReadOnlyDictionary<string, long> ByOutcome { get; init; }

    public required IReadOnlyDictionary<string, SeverityFigures> Severities { get; init; }

    /// <summary>Share escalated beyond the agent (tier 2 or 3).</summary>
    public required double EscalationRate { get; init; }

    /// <summary>Tier reached (1–3) → complaints.</summary>
    public required IReadOnlyDictionary<string, long> TierReached { get; init; }

    public required double ReopenRate { get; init; }

    public required double DuplicateRate { get; init; }

    public required double RejectedAsAbuseRate { get; init; }

    public required double SatisfiedShare { get; init; }

    public required double? MeanRating { get; init; }

    public required double UnconfirmedShare { get; init; }

    /// <summary>Hour of day (00–23) → complaints received, busiest first.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> BusiestHours { get; init; }

    /// <summary>Weekday → complaints received, busiest first.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> BusiestWeekdays { get; init; }

    public static StatisticsReport From(StatisticsAggregate aggregate, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var total = aggregate.Counter(StatisticsKeys.Total);
        var asked = aggregate.Counter(StatisticsKeys.AskedToConfirm);
        var rated = aggregate.Counter(StatisticsKeys.Rated);
        double Share(long part, long of) => of == 0 ? 0 : (double)part / of;
        return new StatisticsReport
        {
            FirstDay = from,
            LastDay = to,
            Total = total,
            ByCategory = Group(aggregate, "category."),
            BySeverity = Group(aggregate, "severity."),
            ByChannel = Group(aggregate, "channel."),
            ByTeam = Group(aggregate, "team."),
            ByOutcome = Group(aggregate, "outcome."),
            Severities = Enum.GetValues<Severity>().Reverse().ToDictionary(s => s.ToString(), s => Figures(aggregate, s)),
            EscalationRate = Share(total - aggregate.Counter(StatisticsKeys.Tier(1)), total),
            TierReached = Group(aggregate, "tier."),
            ReopenRate = Share(aggregate.Counter(StatisticsKeys.Reopened), total),
            DuplicateRate = Share(aggregate.Counter(StatisticsKeys.Outcome(ComplaintOutcome.Merged)), total),
            RejectedAsAbuseRate = Share(aggregate.Counter(StatisticsKeys.Outcome(ComplaintOutcome.RejectedAtIntake)), total),
            SatisfiedShare = Share(aggregate.Counter(StatisticsKeys.Satisfied), asked),
            MeanRating = rated == 0 ? null : (double)aggregate.Counter(StatisticsKeys.RatingSum) / rated,
            UnconfirmedShare = Share(aggregate.Counter(StatisticsKeys.Unconfirmed), asked),
            BusiestHours = Busiest(Group(aggregate, "hour.")),
            BusiestWeekdays = Busiest(Group(aggregate, "weekday.")),
        };
    }

    private static SeverityFigures Figures(StatisticsAggregate aggregate, Severity severity)
    {
        DurationSummary Time(string window, string clock) => DurationSummary.Of(aggregate.Distribution(StatisticsKeys.Time(window, clock, severity)));
        ComplianceFigures Compliance(string window) => new(
            aggregate.Counter(StatisticsKeys.Compliance(window, severity, SlaCompliance.Met)),
            aggregate.Counter(StatisticsKeys.Compliance(window, severity, SlaCompliance.Breached)),
            aggregate.Counter(StatisticsKeys.Compliance(window, severity, SlaCompliance.Open)));
        return new SeverityFigures(
            Time(StatisticsKeys.FirstResponse, StatisticsKeys.SlaTime),
            Time(StatisticsKeys.FirstResponse, StatisticsKeys.WallTime),
            Time(StatisticsKeys.Resolution, StatisticsKeys.SlaTime),
            Time(StatisticsKeys.Resolution, StatisticsKeys.WallTime),
            Compliance(StatisticsKeys.FirstResponse),
            Compliance(StatisticsKeys.Resolution));
    }

    private static SortedDictionary<string, long> Group(StatisticsAggregate aggregate, string prefix) =>
        new(aggregate.Counters.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(c => c.Key[prefix.Length..], c => c.Value), StringComparer.Ordinal);

    private static List<KeyValuePair<string, long>> Busiest(IReadOnlyDictionary<string, long> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
