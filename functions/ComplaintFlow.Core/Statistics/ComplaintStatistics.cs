using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Statistics;

/// <summary>
/// The statistics as the product uses them: a changed complaint's facts are recorded as it moves; a report adds up the
/// stored day aggregates; a rebuild recomputes a month from the complaint records.
/// </summary>
public sealed class ComplaintStatistics(IStatisticsStore store, IComplaintStore complaints, SlaPolicy policy)
{
    private const int PageSize = 500;

    /// <summary>The longest range a report covers.</summary>
    public const int MaxDays = 366;

    public Task RecordAsync(Complaint complaint, CancellationToken cancellationToken = default) =>
        store.RecordAsync(ComplaintFacts.From(complaint, policy), cancellationToken);

    public async Task<StatisticsReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A range runs forwards and covers at most {MaxDays} days.");
        }

        return StatisticsReport.From(await store.ReadAsync(from, to, cancellationToken), from, to);
    }

    /// <summary>
    /// The report of a range, how many of its complaints were asked to confirm an outcome (what the satisfaction shares
    /// are of), and the complaints received on each of its days (days without any left out), from one read.
    /// </summary>
    public async Task<(StatisticsReport Report, long AskedToConfirm, IReadOnlyList<KeyValuePair<DateOnly, long>> Daily)> ReportWithDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A range runs forwards and covers at most {MaxDays} days.");
        }

        var days = await store.ReadDaysAsync(from, to, cancellationToken);
        var sum = new StatisticsAggregate();
        foreach (var day in days.Values)
        {
            sum.Add(day);
        }

        return (StatisticsReport.From(sum, from, to), sum.Counter(StatisticsKeys.AskedToConfirm), [.. days.Select(d => KeyValuePair.Create(d.Key, d.Value.Counter(StatisticsKeys.Total)))]);
    }

    /// <summary>The facts of every complaint received in <paramref name="month"/> (<c>yyyyMM</c>), from their records.</summary>
    public async Task<IReadOnlyList<ComplaintFacts>> FactsFromRecordsAsync(string month, CancellationToken cancellationToken = default)
    {
        var facts = new List<ComplaintFacts>();
        string? token = null;
        do
        {
            var page = await complaints.ListByMonthAsync(month, null, PageSize, token, cancellationToken);
            facts.AddRange(page.Items.Select(c => ComplaintFacts.From(c, policy)));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return facts;
    }

    /// <summary>Recomputes <paramref name="month"/> from the complaint records and replaces what was stored for it.</summary>
    public async Task<StatisticsAggregate> RebuildAsync(string month, CancellationToken cancellationToken = default)
    {
        _ = DateOnly.ParseExact(month, "yyyyMM", CultureInfo.InvariantCulture);
        var facts = await FactsFromRecordsAsync(month, cancellationToken);
        await store.ReplaceMonthAsync(month, facts, cancellationToken);
        var aggregate = new StatisticsAggregate();
        foreach (var f in facts)
        {
            aggregate.Add(f);
        }

        return aggregate;
    }
}
