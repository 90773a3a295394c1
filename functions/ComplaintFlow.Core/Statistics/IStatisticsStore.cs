namespace ComplaintFlow.Core.Statistics;

/// <summary>
/// Where the statistics are kept: the latest facts of each complaint and, per day, the aggregate of those facts, so a
/// report reads one row per day and never the complaints themselves.
/// </summary>
public interface IStatisticsStore
{
    /// <summary>
    /// Keeps <paramref name="facts"/> as the complaint's facts and moves its day's aggregate by the difference from the
    /// facts kept before, in one atomic step (a lost race is retried). Facts of an older or the same
    /// <see cref="ComplaintFacts.Version"/> than those kept change nothing, so a step that runs twice counts once.
    /// </summary>
    Task RecordAsync(ComplaintFacts facts, CancellationToken cancellationToken = default);

    /// <summary>The sum of the day aggregates from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<StatisticsAggregate> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The day aggregates from <paramref name="from"/> to <paramref name="to"/>, one per day that has any (the dashboard's
    /// daily trend; their sum is <see cref="ReadAsync"/>). A store that keeps days apart answers in one read per month.
    /// </summary>
    async Task<IReadOnlyDictionary<DateOnly, StatisticsAggregate>> ReadDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var days = new SortedDictionary<DateOnly, StatisticsAggregate>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var aggregate = await ReadAsync(day, day, cancellationToken);
            if (aggregate.Counter(StatisticsKeys.Total) != 0)
            {
                days[day] = aggregate;
            }
        }

        return days;
    }

    /// <summary>Replaces everything kept for <paramref name="month"/> (<c>yyyyMM</c>) with <paramref name="facts"/> and their aggregates.</summary>
    Task ReplaceMonthAsync(string month, IReadOnlyList<ComplaintFacts> facts, CancellationToken cancellationToken = default);
}
