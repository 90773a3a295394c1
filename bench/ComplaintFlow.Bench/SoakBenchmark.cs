using System.Globalization;

namespace ComplaintFlow.Bench;

/// <summary>
/// <c>soak</c>: <see cref="SoakRun"/> for N minutes, a line per sample, then the second half's trends and the verdict:
/// memory, handles and threads plateau (rise over the second half under 10 % of their mean), the backlog does not grow
/// (rise under a quarter of its mean, or 5 complaints), no request failed, and every accepted complaint closed.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(SoakOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: {options.Duration.TotalMinutes:0.#} min, {options.RatePerSecond:0.##} complaints/s, urgent first response {options.Window.TotalSeconds:0} s, a sample every {options.Sample.TotalSeconds:0} s; {MachineLoad.Describe()}"));
        await using var run = await SoakRun.StartAsync(options);
        Console.WriteLine($"{"min",5} {"WS MiB",7} {"GC MiB",7} {"handles",7} {"threads",7} {"stor/s",7} {"Az CPU%",7} {"in p50",7} {"in p99",7} {"act p50",7} {"act p99",7} {"accept",6} {"closed",6} {"open",5} {"unrec",5} {"fail",4}");
        var report = await run.RunAsync(s => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Minute,5:F1} {s.WorkingSetMiB,7:F0} {s.GcHeapMiB,7:F0} {s.Handles,7} {s.Threads,7} {s.StorageRequestsPerSecond,7:F0} {s.AzuriteCpuPercent,7:F0} {s.IntakeP50,7:F0} {s.IntakeP99,7:F0} {s.ActionP50,7:F0} {s.ActionP99,7:F0} {s.Accepted,6} {s.Closed,6} {s.Open,5} {s.RecordingBacklog,5} {s.Failures,4}")));

        Console.WriteLine($"second half ({report.SecondHalf.Count} samples), least-squares trend:");
        var plateau = true;
        foreach (var (name, figure, bound) in new (string, Func<SoakSample, double>, Func<Trend, bool>)[]
        {
            ("working set MiB", s => s.WorkingSetMiB, t => t.RelativeRise < 0.10),
            ("GC heap MiB", s => s.GcHeapMiB, t => t.RelativeRise < 0.10),
            ("handles", s => s.Handles, t => t.RelativeRise < 0.10),
            ("threads", s => s.Threads, t => t.RelativeRise < 0.10),
            ("open complaints", s => s.Open, t => t.RiseOverSpan < Math.Max(5, t.Mean / 4)),
            ("storage requests/s", s => s.StorageRequestsPerSecond, _ => true),
        })
        {
            var trend = report.TrendOf(figure);
            var ok = bound(trend);
            plateau &= ok;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-20} mean {trend.Mean,9:F1}  slope {trend.SlopePerMinute,8:F2}/min  rise {trend.RiseOverSpan,8:F1} ({trend.RelativeRise,6:P1})  {(ok ? "flat" : "RISING")}"));
        }

        Console.WriteLine($"emails: {string.Join(", ", report.Emails.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted {report.Accepted}, closed {report.Closed} after a drain of {report.Drain.TotalSeconds:F0} s; {report.Failures} failed requests"));
        foreach (var failure in report.FirstFailures)
        {
            Console.WriteLine("  failed: " + failure);
        }

        var passed = plateau && report.Failures == 0 && report.Closed == report.Accepted;
        Console.WriteLine(passed ? "soak passed" : "soak FAILED");
        return passed ? 0 : 1;
    }
}
