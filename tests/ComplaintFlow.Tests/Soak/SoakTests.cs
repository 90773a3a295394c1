using ComplaintFlow.Bench;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Tests.Soak;

/// <summary>Runs alone: other tests in the same process would move its memory and handle figures.</summary>
[CollectionDefinition(nameof(SoakTests), DisableParallelization = true)]
public sealed class SoakCollection;

/// <summary>
/// The bench's soak (<c>bench soak</c>, bench/README.md) for 60 seconds: the same traffic and the same figures, judged
/// without any timing threshold. No request fails; every complaint accepted closes once traffic stops; reminders and
/// escalations fire; over the second half the workflow backlog does not grow and the live heap and the handle count
/// rise by no more than noise (a least-squares line through a sample every 5 s, each after a full collection).
/// </summary>
[Collection(nameof(SoakTests))]
public sealed class SoakTests
{
    [Fact]
    public async Task A_minute_of_mixed_traffic_fails_nothing_leaves_no_backlog_and_does_not_grow_in_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new SoakOptions(TimeSpan.FromSeconds(60), RatePerSecond: 0.5, SampleEvery: TimeSpan.FromSeconds(5), FirstResponse: TimeSpan.FromSeconds(20));
        await using var run = await SoakRun.StartAsync(options);

        var report = await run.RunAsync(cancellationToken: ct);

        var output = TestContext.Current.TestOutputHelper;
        foreach (var s in report.Samples)
        {
            output?.WriteLine($"{s.Minute:F2} min: live heap {s.GcHeapMiB:F1} MiB, working set {s.WorkingSetMiB:F0} MiB, {s.Handles} handles, {s.Threads} threads, {s.StorageRequestsPerSecond:F0} storage req/s, open {s.Open}, failures {s.Failures}");
        }

        Assert.True(report.Failures == 0, $"{report.Failures} requests failed: {string.Join("; ", report.FirstFailures)}");
        Assert.True(report.Accepted >= 20, $"Only {report.Accepted} complaints were accepted in a minute at 0.5/s.");
        Assert.True(report.Closed == report.Accepted, $"{report.Accepted - report.Closed} of {report.Accepted} accepted complaints never closed after traffic stopped.");
        Assert.True(report.Emails.GetValueOrDefault(EmailKind.Reminder) > 0, "No reminder fired.");
        Assert.True(report.Emails.GetValueOrDefault(EmailKind.Escalation) > 0, "No escalation fired.");
        Assert.True(report.Emails.GetValueOrDefault(EmailKind.Closure) == report.Accepted, "A complaint was closed twice, or a closure email went missing.");

        var open = report.TrendOf(s => s.Open);
        Assert.True(open.RiseOverSpan < Math.Max(5, open.Mean / 2), $"The backlog grew over the second half: {open}.");
        var heap = report.TrendOf(s => s.GcHeapMiB);
        Assert.True(heap.RelativeRise < 0.30, $"The live heap grew over the second half: {heap}.");
        var handles = report.TrendOf(s => s.Handles);
        Assert.True(handles.RelativeRise < 0.10, $"Handles grew over the second half: {handles}.");
    }
}
