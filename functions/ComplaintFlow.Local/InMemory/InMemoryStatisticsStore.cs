using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IStatisticsStore"/> in memory, with the table store's contract (latest facts win, repeats count once).</summary>
public sealed class InMemoryStatisticsStore : IStatisticsStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ComplaintId, ComplaintFacts> _facts = [];
    private readonly Dictionary<DateOnly, StatisticsAggregate> _days = [];

    public Task RecordAsync(ComplaintFacts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            if (_facts.TryGetValue(facts.Id, out var kept))
            {
                if (kept.Version >= facts.Version)
                {
                    return Task.CompletedTask;
                }

                Day(kept.ReceivedDay).Remove(kept);
            }

            _facts[facts.Id] = facts;
            Day(facts.ReceivedDay).Add(facts);
        }

        return Task.CompletedTask;
    }

    public Task<StatisticsAggregate> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var sum = new StatisticsAggregate();
        lock (_gate)
        {
            foreach (var (day, aggregate) in _days)
            {
                if (day >= from && day <= to)
                {
                    sum.Add(aggregate);
                }
            }
        }

        return Task.FromResult(sum);
    }

    public Task<IReadOnlyDictionary<DateOnly, StatisticsAggregate>> ReadDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var days = new SortedDictionary<DateOnly, StatisticsAggregate>();
        lock (_gate)
        {
            foreach (var (day, aggregate) in _days.Where(d => d.Key >= from && d.Key <= to))
            {
                var copy = new StatisticsAggregate();
                copy.Add(aggregate);
                days[day] = copy;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<DateOnly, StatisticsAggregate>>(days);
    }

    public Task ReplaceMonthAsync(string month, IReadOnlyList<ComplaintFacts> facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            foreach (var day in _days.Keys.Where(d => d.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture) == month).ToList())
            {
                _days.Remove(day);
            }

            foreach (var id in _facts.Where(f => f.Value.ReceivedDay.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture) == month).Select(f => f.Key).ToList())
            {
                _facts.Remove(id);
            }

            foreach (var f in facts)
            {
                _facts[f.Id] = f;
                Day(f.ReceivedDay).Add(f);
            }
        }

        return Task.CompletedTask;
    }

    private StatisticsAggregate Day(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var aggregate))
        {
            aggregate = new StatisticsAggregate();
            _days[day] = aggregate;
        }

        return aggregate;
    }
}
