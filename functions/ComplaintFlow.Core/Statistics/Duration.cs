namespace ComplaintFlow.Core.Statistics;

/// <summary>
/// The fixed buckets durations are kept in, so a distribution can be summed, subtracted and stored: whole minutes
/// below two hours, quarter hours below two days, whole hours beyond. A median, p90 or max is the lower edge of its
/// bucket.
/// </summary>
public static class Duration
{
    /// <summary>The lower edge of the bucket <paramref name="value"/> falls in, in minutes.</summary>
    public static int Bucket(TimeSpan value)
    {
        var minutes = (int)Math.Max(0, Math.Floor(value.TotalMinutes));
        return minutes switch
        {
            < 120 => minutes,
            < 2880 => minutes - (minutes % 15),
            _ => minutes - (minutes % 60),
        };
    }
}
