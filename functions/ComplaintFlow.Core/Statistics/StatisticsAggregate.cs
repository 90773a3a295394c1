namespace ComplaintFlow.Core.Statistics;

/// <summary>
/// The sums a period's figures are read from: named counters and duration distributions (bucket → count). Adding
/// a complaint's facts and taking its old facts away again leaves the aggregate as it was, so a store can keep one
/// current by applying the difference between a complaint's previous and new facts.
/// </summary>
public sealed class StatisticsAggregate
{
    private readonly SortedDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<int, long>> _durations = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counters => _counters;

    public IReadOnlyDictionary<string, SortedDictionary<int, long>> Durations => _durations;

    public long Counter(string name) => _counters.GetValueOrDefault(name);

    /// <summary>The distribution named <paramref name="name"/> (empty when nothing was recorded).</summary>
    public IReadOnlyDictionary<int, long> Distribution(string name) =>
        _durations.TryGetValue(name, out var buckets) ? buckets : new SortedDictionary<int, long>();

    public void Add(ComplaintFacts facts) => Apply(facts, +1);

    public void Remove(ComplaintFacts facts) => Apply(facts, -1);

    public void Add(StatisticsAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, value) in other._counters)
        {
            Count(name, value);
        }

        foreach (var (name, buckets) in other._durations)
        {
            foreach (var (bucket, count) in buckets)
            {
                CountDuration(name, bucket, count);
            }
        }
    }

    /// <summary>Adds a stored counter (used by stores when reading an aggregate back).</summary>
    public void Count(string name, long delta)
    {
        var value = _counters.GetValueOrDefault(name) + delta;
        if (value == 0)
        {
            _counters.Remove(name);
        }
        else
        {
            _counters[name] = value;
        }
    }

    /// <summary>Adds to a stored duration bucket (used by stores when reading an aggregate back).</summary>
    public void CountDuration(string name, int bucket, long delta)
    {
        if (!_durations.TryGetValue(name, out var buckets))
        {
            buckets = [];
            _durations[name] = buckets;
        }

        var value = buckets.GetValueOrDefault(bucket) + delta;
        if (value == 0)
        {
            buckets.Remove(bucket);
            if (buckets.Count == 0)
            {
                _durations.Remove(name);
            }
        }
        else
        {
            buckets[bucket] = value;
        }
    }

    public bool SameAs(StatisticsAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _counters.SequenceEqual(other._counters)
            && _durations.Count == other._durations.Count
            && _durations.All(d => other._durations.TryGetValue(d.Key, out var b) && d.Value.SequenceEqual(b));
    }

    private void Apply(ComplaintFacts facts, int sign)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Count(StatisticsKeys.Total, sign);
        Count(StatisticsKeys.Channel(facts.Channel), sign);
        Count(StatisticsKeys.Outcome(facts.Outcome), sign);
        Count(StatisticsKeys.Hour(facts.LocalHour), sign);
        Count(StatisticsKeys.Weekday(facts.LocalWeekday), sign);
        if (facts.Category is { } category)
        {
            Count(StatisticsKeys.Category(category), sign);
        }

        if (facts.Team is { } team)
        {
            Count(StatisticsKeys.Team(team), sign);
        }

        if (facts.Severity is { } severity)
        {
            Count(StatisticsKeys.Severity(severity), sign);
            Count(StatisticsKeys.Compliance(StatisticsKeys.FirstResponse, severity, facts.FirstResponseCompliance), sign);
            Count(StatisticsKeys.Compliance(StatisticsKeys.Resolution, severity, facts.ResolutionCompliance), sign);
            Duration(StatisticsKeys.Time(StatisticsKeys.FirstResponse, StatisticsKeys.SlaTime, severity), facts.FirstResponseSla, sign);
            Duration(StatisticsKeys.Time(StatisticsKeys.FirstResponse, StatisticsKeys.WallTime, severity), facts.FirstResponseWall, sign);
            Duration(StatisticsKeys.Time(StatisticsKeys.Resolution, StatisticsKeys.SlaTime, severity), facts.ResolutionSla, sign);
            Duration(StatisticsKeys.Time(StatisticsKeys.Resolution, StatisticsKeys.WallTime, severity), facts.ResolutionWall, sign);
        }

        Count(StatisticsKeys.Tier(facts.TierReached), sign);
        Flag(StatisticsKeys.Reopened, facts.Reopened, sign);
        Flag(StatisticsKeys.AskedToConfirm, facts.AskedToConfirm, sign);
        Flag(StatisticsKeys.Satisfied, facts.Satisfied, sign);
        Flag(StatisticsKeys.Unconfirmed, facts.Unconfirmed, sign);
        if (facts.Rating is { } rating)
        {
            Count(StatisticsKeys.Rated, sign);
            Count(StatisticsKeys.RatingSum, sign * rating);
        }
    }

    private void Flag(string name, bool set, int sign)
    {
        if (set)
        {
            Count(name, sign);
        }
    }

    private void Duration(string name, TimeSpan? value, int sign)
    {
        if (value is { } v)
        {
            CountDuration(name, Statistics.Duration.Bucket(v), sign);
        }
    }
}
