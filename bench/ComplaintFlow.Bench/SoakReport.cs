using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Bench;

/// <summary>What a soak run saw: its samples, its failed requests, and how the backlog drained once traffic stopped.</summary>
/// <param name="Samples">One per sampling interval while traffic ran.</param>
/// <param name="FirstFailures">The first failed requests, described (no personal data: ids and status codes).</param>
/// <param name="Failures">Every failed request: an intake answer other than 202, a link page or form post other than 200, an email nobody could act on.</param>
/// <param name="Accepted">Complaints answered 202.</param>
/// <param name="Closed">Of those, closed by the end of the drain.</param>
/// <param name="Drain">How long the drain took after traffic stopped.</param>
/// <param name="Emails">Emails sent, by kind.</param>
internal sealed record SoakReport(
    IReadOnlyList<SoakSample> Samples,
    IReadOnlyList<string> FirstFailures,
    int Failures,
    int Accepted,
    int Closed,
    TimeSpan Drain,
    IReadOnlyDictionary<EmailKind, int> Emails)
{
    /// <summary>The samples of the run's second half, over which a plateau is judged.</summary>
    public IReadOnlyList<SoakSample> SecondHalf =>
        Samples.Count == 0 ? [] : [.. Samples.Where(s => s.Minute >= Samples[^1].Minute / 2)];

    /// <summary>The trend of a figure over the second half.</summary>
    public Trend TrendOf(Func<SoakSample, double> figure)
    {
        var half = SecondHalf;
        return Trend.Of([.. half.Select(s => s.Minute)], [.. half.Select(figure)]);
    }
}
