using System.Diagnostics;
using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Local.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Bench;

/// <summary>
/// N full complaint lifecycles on the durable simulator and a fake clock, every store in memory
/// (<see cref="InMemoryComplaintFlow"/>): filed, verified, classified (urgent), assigned, acknowledged, two reminders,
/// an escalation to the team lead at the 2-hour breach, resolved by the lead, confirmed by the customer, closed.
/// </summary>
internal static class SimulatorLifecycleBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="count"/> lifecycles; <paramref name="keepEmails"/> keeps every email in the in-memory outbox (as tests do) instead of counting and dropping it as a real transport would.</summary>
    public static async Task RunAsync(int count, bool keepEmails)
    {
        var time = new FakeTimeProvider(Start);
        var total = Stopwatch.StartNew();
        await using var flow = await InMemoryComplaintFlow.StartAsync(time, configureServices: keepEmails ? null : s => s.AddSingleton<IEmailSender, CountingEmailSender>());
        var runtime = flow.Runtime;
        var started = total.Elapsed;
        var cpuBefore = CpuTime();
        var run = Stopwatch.StartNew();

        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            ids[i] = await flow.SubmitAsync(BenchComplaints.Submission(i), ct));
        await runtime.WaitForIdleAsync(CancellationToken.None);
        var filed = run.Elapsed;
        BenchComplaints.RequireDistinct(ids);

        // Reminders at 1 h and 1 h 36 min, escalation at the 2 h breach: ten minutes at a time, as a clock would move.
        for (var step = 0; step < 13; step++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
            await runtime.WaitForIdleAsync(CancellationToken.None);
        }

        var chased = run.Elapsed;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await runtime.RaiseEventAsync(ids[i], WorkflowNames.Events.AgentDecision, BenchComplaints.LeadResolves, ct));
        await runtime.WaitForIdleAsync(CancellationToken.None);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await runtime.RaiseEventAsync(ids[i], WorkflowNames.Events.CustomerConfirmation, BenchComplaints.CustomerSatisfied, ct));
        await runtime.WaitForIdleAsync(CancellationToken.None);

        // A minute more, so an activity that failed under contention gets its retry, as it would on a real clock.
        for (var step = 0; step < 6; step++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await runtime.WaitForIdleAsync(CancellationToken.None);
        }

        var elapsed = run.Elapsed;
        var cpu = CpuTime() - cpuBefore;

        var resolved = 0;
        var escalated = 0;
        foreach (var id in ids)
        {
            var state = await runtime.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (state?.ReadOutputAs<ComplaintWorkflowResult>()?.Outcome == ComplaintOutcome.Resolved)
            {
                resolved++;
            }

            if ((await flow.GetAsync(id)).Timeline.Any(e => e.Kind == TimelineEventKind.Escalated))
            {
                escalated++;
            }
        }

        using var process = Process.GetCurrentProcess();
        var metrics = runtime.Metrics;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            simulator, every store in memory{(keepEmails ? " (emails kept in the outbox)" : string.Empty)}, lifecycles: {count:N0} ({resolved:N0} resolved and closed, {escalated:N0} escalated)
            start-up: {started.TotalSeconds:F1} s (not counted)
            run: {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:N0} lifecycles/s  [filed {filed.TotalSeconds:F2} s, reminders+escalation {(chased - filed).TotalSeconds:F2} s, decided+confirmed {(elapsed - chased).TotalSeconds:F2} s]
            CPU time of the run: {cpu.TotalSeconds:F1} s, at least {cpu.TotalSeconds / Environment.ProcessorCount:F1} s of wall time on {Environment.ProcessorCount} cores with nothing else running
            peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB
            {MachineLoad.Describe()}
            runtime: {metrics}
            per lifecycle: {metrics.EventsReplayed / (double)count:F1} history events replayed, {metrics.EpisodesRun / (double)count:F1} episodes, {metrics.ActivitiesRun / (double)count:F1} activities
            """));
        if (resolved != count)
        {
            throw new InvalidOperationException($"{count - resolved} lifecycles did not end Resolved.");
        }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
