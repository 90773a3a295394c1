namespace ComplaintFlow.Bench;

/// <summary>
/// A least-squares line through samples: its slope, and how much it rises over the span it covers against the
/// samples' mean. A plateau rises by no more than noise; a leak or a growing backlog rises with every minute.
/// </summary>
public sealed record Trend(double SlopePerMinute, double Mean, double RiseOverSpan)
{
    /// <summary>The rise over the span as a fraction of the mean (0 when the mean is 0 and nothing rose).</summary>
    public double RelativeRise => Mean == 0 ? (RiseOverSpan > 0 ? double.PositiveInfinity : 0) : RiseOverSpan / Mean;

    /// <summary>The trend of <paramref name="values"/> against <paramref name="minutes"/>; flat when there are fewer than two points.</summary>
    public static Trend Of(IReadOnlyList<double> minutes, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(values);
        if (minutes.Count != values.Count)
        {
            throw new ArgumentException("As many times as values are needed.", nameof(values));
        }

        if (values.Count == 0)
        {
            return new Trend(0, 0, 0);
        }

        var meanX = minutes.Average();
        var meanY = values.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sxx += (minutes[i] - meanX) * (minutes[i] - meanX);
            sxy += (minutes[i] - meanX) * (values[i] - meanY);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        return new Trend(slope, meanY, slope * (minutes[^1] - minutes[0]));
    }
}
