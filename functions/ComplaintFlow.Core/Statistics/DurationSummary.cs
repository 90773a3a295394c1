namespace ComplaintFlow.Core.Statistics;

/// <summary>Median, 90th percentile (nearest rank) and maximum of a duration distribution, in minutes; null when empty.</summary>
public sealed record DurationSummary(long Count, int? MedianMinutes, int? P90Minutes, int? MaxMinutes)
{
    public static DurationSummary Of(IReadOnlyDictionary<int, long> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var ordered = buckets.Where(b => b.Value > 0).OrderBy(b => b.Key).ToList();
        var count = ordered.Sum(b => b.Value);
        if (count == 0)
        {
            return new DurationSummary(0, null, null, null);
        }

        int Rank(double share)
        {
            var rank = (long)Math.Ceiling(share * count);
            long seen = 0;
            foreach (var (bucket, n) in ordered)
            {
                seen += n;
                if (seen >= rank)
                {
                    return bucket;
                }
            }

            return ordered[^1].Key;
        }

        return new DurationSummary(count, Rank(0.5), Rank(0.9), ordered[^1].Key);
    }
}
