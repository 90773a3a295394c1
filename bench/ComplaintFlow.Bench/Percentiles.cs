namespace ComplaintFlow.Bench;

/// <summary>Latency summary of one run.</summary>
internal static class Percentiles
{
    public static double Of(List<double> sortedMilliseconds, double p) =>
        sortedMilliseconds.Count == 0 ? double.NaN : sortedMilliseconds[Math.Min(sortedMilliseconds.Count - 1, (int)Math.Ceiling(p / 100 * sortedMilliseconds.Count) - 1)];
}
