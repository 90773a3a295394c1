using System.Diagnostics;
using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Local.Simulator;
using ComplaintFlow.Local.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Bench;

/// <summary>
/// N full complaint lifecycles on a fake clock: filed, verified, classified (urgent), assigned, acknowledged, two
/// reminders, an escalation to the team lead at the 2-hour breach, resolved by the lead, confirmed by the customer,
/// closed. On the in-memory stores, or on the local host over Azurite (every table real).
/// </summary>
internal static class LifecycleBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="count"/> lifecycles on <paramref name="store"/>; <paramref name="keepEmails"/> keeps every email in the in-memory outbox (as tests do) instead of counting and dropping it as a real transport would.</summary>
    public static async Task RunAsync(string store, int count, bool keepEmails)
    {
        var time = new FakeTimeProvider(Start);
        var total = Stopwatch.StartNew();
        await using var target = store switch
        {
            "memory" => await Target.InMemoryAsync(time, keepEmails),
            "azurite" => await Target.AzuriteAsync(time, keepEmails),
            _ => throw new ArgumentException($"--store must be memory or azurite, not '{store}'."),
        };
        var started = total.Elapsed;
        var run = Stopwatch.StartNew();

        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            ids[i] = await target.SubmitAsync(Submission(i), ct));
        await target.Runtime.WaitForIdleAsync(CancellationToken.None);
        var filed = run.Elapsed;

        // Reminders at 1 h and 1 h 36 min, escalation at the 2 h breach: ten minutes at a time, as a clock would move.
        for (var step = 0; step < 13; step++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
            await target.Runtime.WaitForIdleAsync(CancellationToken.None);
        }

        var chased = run.Elapsed;
        var leadGeneration = LinkGeneration.ForAssignment(round: 1, tier: 2);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await target.Runtime.RaiseEventAsync(ids[i], WorkflowNames.Events.AgentDecision, new AgentDecision(AgentDecisionKind.Resolve, "lead", leadGeneration, "Fixed in 5.2.2; the double charge is refunded.", Compensation.Refund), ct));
        await target.Runtime.WaitForIdleAsync(CancellationToken.None);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await target.Runtime.RaiseEventAsync(ids[i], WorkflowNames.Events.CustomerConfirmation, new CustomerConfirmation(true, 1, 5), ct));
        await target.Runtime.WaitForIdleAsync(CancellationToken.None);

        // A minute more, so an activity that failed under contention gets its retry, as it would on a real clock.
        for (var step = 0; step < 6; step++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await target.Runtime.WaitForIdleAsync(CancellationToken.None);
        }
        var elapsed = run.Elapsed;

        var resolved = 0;
        var escalated = 0;
        foreach (var id in ids)
        {
            var state = await target.Runtime.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (state?.ReadOutputAs<ComplaintWorkflowResult>()?.Outcome == ComplaintOutcome.Resolved)
            {
                resolved++;
            }

            if ((await target.GetAsync(id)).Timeline.Any(e => e.Kind == TimelineEventKind.Escalated))
            {
                escalated++;
            }
        }

        using var process = Process.GetCurrentProcess();
        var metrics = target.Runtime.Metrics;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            store: {store}{(keepEmails ? " (emails kept in the outbox)" : string.Empty)}, lifecycles: {count:N0} ({resolved:N0} resolved and closed, {escalated:N0} escalated)
            start-up: {started.TotalSeconds:F1} s (not counted)
            run: {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:N0} lifecycles/s  [filed {filed.TotalSeconds:F2} s, reminders+escalation {(chased - filed).TotalSeconds:F2} s, decided+confirmed {(elapsed - chased).TotalSeconds:F2} s]
            peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB
            runtime: {metrics}
            per lifecycle: {metrics.EventsReplayed / (double)count:F1} history events replayed, {metrics.EpisodesRun / (double)count:F1} episodes, {metrics.ActivitiesRun / (double)count:F1} activities
            """));
        if (resolved != count)
        {
            throw new InvalidOperationException($"{count - resolved} lifecycles did not end Resolved.");
        }
    }

    private static ComplaintSubmission Submission(int i) => new(
        $"bench-{i}",
        Channel.AppFeedback,
        new Customer($"u-{i}", "Tom Baker", $"customer{i}@example.com", "+8613800000000", i % 2 == 0 ? Locale.En : Locale.Zh),
        "App crashes at checkout",
        $"The app crashes every time I press Pay ({Words(i)}). I was charged twice.",
        string.Create(CultureInfo.InvariantCulture, $"order-{i}"),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["appVersion"] = "5.2.1" },
        null);

    /// <summary>Renders and counts every email, then lets it go, as a real transport does once it is sent.</summary>
    private sealed class CountingEmailSender : IEmailSender
    {
        private int _sent;

        public int Sent => _sent;

        public Task SendAsync(EmailMessage message, CancellationToken ct = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            Interlocked.Increment(ref _sent);
            return Task.CompletedTask;
        }
    }

    /// <summary>A different text per complaint: digits alone would not make texts differ for the same-text abuse check.</summary>
    private static string Words(int i) => string.Concat(i.ToString("D6", CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));

    /// <summary>What the benchmark drives: the in-memory product, or the local host on Azurite.</summary>
    private sealed class Target : IAsyncDisposable
    {
        private readonly Func<ComplaintSubmission, CancellationToken, Task<string>> _submit;
        private readonly IComplaintStore _store;
        private readonly IAsyncDisposable _owner;

        private Target(DurableSimulator runtime, Func<ComplaintSubmission, CancellationToken, Task<string>> submit, IComplaintStore store, IAsyncDisposable owner)
        {
            Runtime = runtime;
            _submit = submit;
            _store = store;
            _owner = owner;
        }

        public DurableSimulator Runtime { get; }

        public static async Task<Target> InMemoryAsync(TimeProvider time, bool keepEmails)
        {
            var flow = await InMemoryComplaintFlow.StartAsync(time, configureServices: keepEmails ? null : s => s.AddSingleton<IEmailSender, CountingEmailSender>());
            return new Target(flow.Runtime, flow.SubmitAsync, flow.Complaints, flow);
        }

        public static async Task<Target> AzuriteAsync(TimeProvider time, bool keepEmails)
        {
            var hosts = await BenchHosts.StartAsync(services =>
            {
                services.AddSingleton(time);

                // Filing records the complaint before it returns, as in memory: this benchmark measures lifecycles, and
                // the host records after a quiet moment on its clock, and this fake clock only moves in steps.
                services.AddSingleton<IDeliveryHandoff, InlineDeliveryHandoff>();
                if (!keepEmails)
                {
                    services.AddSingleton<IEmailSender, CountingEmailSender>();
                }
            });
            var services = hosts.Host.Services;
            var intake = services.GetRequiredService<ComplaintIntake>();
            return new Target(
                services.GetRequiredService<DurableSimulator>(),
                async (submission, ct) =>
                {
                    var outcome = await intake.AcceptAsync(submission, new IntakeKey("bench", Guid.NewGuid().ToString("N")), Guid.NewGuid().ToString("N"), ct);
                    return outcome.Receipt!.ComplaintId;
                },
                services.GetRequiredService<IComplaintStore>(),
                hosts);
        }

        public Task<string> SubmitAsync(ComplaintSubmission submission, CancellationToken cancellationToken) => _submit(submission, cancellationToken);

        public async Task<Complaint> GetAsync(string id) => (await _store.FindAsync(ComplaintId.Parse(id)))!.Complaint;

        public ValueTask DisposeAsync() => _owner.DisposeAsync();
    }
}
