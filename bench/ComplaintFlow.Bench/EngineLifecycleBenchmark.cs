using System.Diagnostics;
using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Local.Engine;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Bench;

/// <summary>
/// Full complaint lifecycles on the real engine, next to a bare Durable Task Framework orchestration of one activity,
/// on the same Azurite in the same run. The lifecycles run in the local host as a user runs it (every table on
/// Azurite, the DTFx Azure Storage provider behind the SDK's gRPC worker and client), on the real clock with an urgent
/// first-response window of a few seconds: filed, verified, classified (urgent), assigned, acknowledged, two reminders,
/// escalated to the team lead at the breach, resolved by the lead when the escalation email arrives, confirmed by the
/// customer when the outcome email arrives, closed. The bare orchestrations run on a hub of their own with the same
/// provider settings, through <see cref="TaskHubWorker"/> and <see cref="TaskHubClient"/> directly. Rounds alternate
/// (a batch of lifecycles, then as many bare orchestrations), so both meet the same Azurite as it fills up.
/// </summary>
internal static class EngineLifecycleBenchmark
{
    private const string LifecycleHub = "BenchLifecycles";
    private const string BareHub = "BenchBare";

    /// <summary>Activities every lifecycle runs besides its reminders: verify, classify, assign, acknowledge, notify, escalate, propose the outcome, record the verdict, close.</summary>
    private const int ActivitiesBesideReminders = 9;

    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly ParallelOptions Starters = new() { MaxDegreeOfParallelism = 32 };

    /// <param name="count">Lifecycles, and bare orchestrations, in all.</param>
    /// <param name="rounds">How many batches each side's <paramref name="count"/> is split into.</param>
    /// <param name="firstResponse">The urgent first-response window; reminders fall at half and four fifths of it.</param>
    /// <param name="keepEmails">Keep every email in the outbox table instead of counting and dropping it.</param>
    public static async Task RunAsync(int count, int rounds, TimeSpan firstResponse, bool keepEmails)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        rounds = Math.Clamp(rounds, 1, count);
        var total = Stopwatch.StartNew();
        await using var hosts = await BenchHosts.StartAsync(
            services =>
            {
                // Filing records the complaint and starts its workflow before it returns, so a lifecycle starts when it is
                // filed (the intake benchmark measures recording behind the 202).
                services.AddSingleton<IDeliveryHandoff, InlineDeliveryHandoff>();
                services.AddSingleton(sp => new EmailSignals(keepEmails ? sp.GetRequiredService<TableOutbox>() : null, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<EmailSignals>());
            },
            settings:
            [
                $"--{DurableEngineOptions.Section}:HubName={LifecycleHub}",
                $"--Sla:Targets:Urgent:FirstResponse={firstResponse:c}",
                "--Sla:Targets:Urgent:Resolution=01:00:00",
                "--Sla:Targets:Urgent:AroundTheClock=true",

                // Under load the provider warns of routine things (a start message abandoned for a moment until its
                // instance row is visible, a late message for a completed instance); the benchmark checks the outcomes.
                "--Logging:LogLevel:DurableTask.AzureStorage=Error",
            ]);
        var services = hosts.Host.Services;
        var bareOptions = services.GetRequiredService<IConfiguration>().GetSection(DurableEngineOptions.Section).Get<DurableEngineOptions>() ?? new DurableEngineOptions();
        bareOptions.HubName = BareHub;
        await using var bare = await BareTaskHub.StartAsync(hosts.Azurite.ConnectionString, bareOptions, services.GetRequiredService<ILoggerFactory>());
        var lifecycles = new Lifecycles(services);
        var started = total.Elapsed;

        // Warm-up: JIT, connection pools, the hubs' first messages.
        await lifecycles.RunAsync(2);
        await RunBareAsync(bare, 0, 10);

        var sentBefore = Enum.GetValues<EmailKind>().ToDictionary(k => k, lifecycles.Signals.Sent);
        var lifecycleRounds = new List<Sample>();
        var bareRounds = new List<Sample>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            real engine: DTFx Azure Storage on one Azurite (in memory), {bareOptions.PartitionCount} partitions per hub
              lifecycles: the local host (hub {LifecycleHub}), the SDK's gRPC worker and client, every table on the same Azurite
              bare: one activity per orchestration, TaskHubWorker + TaskHubClient in process (hub {BareHub})
            urgent first response {firstResponse.TotalSeconds:N0} s: reminders at {firstResponse.TotalSeconds * 0.5:N1} s and {firstResponse.TotalSeconds * 0.8:N1} s, escalation at the breach
            start-up: {started.TotalSeconds:F1} s (not counted)
            {rounds} rounds of lifecycles, then as many bare orchestrations; latencies from the engine's own timestamps (created → completed)
            """));
        Console.WriteLine($"{"round",5} | {"lifecycles",10} {"s",6} {"per s",6} {"p50 s",6} {"p99 s",6} {"CPU s",6} | {"bare",5} {"s",6} {"per s",6} {"p50 ms",7} {"p99 ms",7} {"CPU s",6}");
        var first = 10;
        for (var round = 0; round < rounds; round++)
        {
            var size = (count / rounds) + (round < count % rounds ? 1 : 0);
            var meter = new CpuMeter(hosts.Azurite.ProcessId);
            var life = meter.Stamp(await lifecycles.RunAsync(size));
            meter = new CpuMeter(hosts.Azurite.ProcessId);
            var plain = meter.Stamp(await RunBareAsync(bare, first, size));
            first += size;
            lifecycleRounds.Add(life);
            bareRounds.Add(plain);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round + 1,5} | {size,10} {life.Seconds,6:F1} {life.Rate,6:F2} {life.P(50),6:F1} {life.P(99),6:F1} {life.Cpu + life.AzuriteCpu,6:F1} | {size,5} {plain.Seconds,6:F1} {plain.Rate,6:F1} {plain.P(50) * 1000,7:F0} {plain.P(99) * 1000,7:F0} {plain.Cpu + plain.AzuriteCpu,6:F1}"));
        }

        var lifecyclesAll = Sample.Of(lifecycleRounds);
        var bareAll = Sample.Of(bareRounds);
        var notified = lifecycleRounds.SelectMany(r => r.Notified).Order().ToList();
        var closing = lifecycleRounds.SelectMany(r => r.Closing).Order().ToList();
        var sent = Enum.GetValues<EmailKind>().ToDictionary(k => k, k => lifecycles.Signals.Sent(k) - sentBefore[k]);
        var reminders = sent[EmailKind.Reminder] / (double)count;
        var activities = ActivitiesBesideReminders + reminders;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            lifecycles: {count:N0} in {lifecyclesAll.Seconds:F1} s = {lifecyclesAll.Rate:F2}/s; filed → closed p50 {lifecyclesAll.P(50):F1} s, p99 {lifecyclesAll.P(99):F1} s ({firstResponse.TotalSeconds:N0} s of it the SLA window)
              filed → agent notified (5 activities) p50 {Percentiles.Of(notified, 50):F2} s, p99 {Percentiles.Of(notified, 99):F2} s
              customer confirmed → closed (2 activities) p50 {Percentiles.Of(closing, 50):F2} s, p99 {Percentiles.Of(closing, 99):F2} s
              per lifecycle: {activities:F1} activities ({reminders:F1} reminders), emails: {string.Join(", ", sent.Where(e => e.Value > 0).Select(e => $"{e.Key} {e.Value / (double)count:F1}"))}
            bare orchestrations: {count:N0} in {bareAll.Seconds:F1} s = {bareAll.Rate:F1}/s; created → completed p50 {bareAll.P(50) * 1000:F0} ms, p99 {bareAll.P(99) * 1000:F0} ms
            CPU per lifecycle {lifecyclesAll.CpuEach * 1000:F0} ms ({lifecyclesAll.Cpu * 1000 / count:F0} here, {lifecyclesAll.AzuriteCpu * 1000 / count:F0} Azurite); per bare orchestration {bareAll.CpuEach * 1000:F0} ms ({bareAll.Cpu * 1000 / count:F0} here, {bareAll.AzuriteCpu * 1000 / count:F0} Azurite)
            ratio lifecycles/s ÷ bare orchestrations/s: {lifecyclesAll.Rate / bareAll.Rate:F3} (activities/s: {lifecyclesAll.Rate * activities / bareAll.Rate:F2}); CPU per bare orchestration ÷ per lifecycle: {bareAll.CpuEach / lifecyclesAll.CpuEach:F3}
            peak working set (this process: the host, its engine and the bare hub; Azurite not counted): {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB
            {MachineLoad.Describe()}
            """));
        var unresolved = lifecycleRounds.Sum(r => r.Failures);
        if (unresolved > 0 || bareRounds.Sum(r => r.Failures) > 0)
        {
            throw new InvalidOperationException($"{unresolved} lifecycles did not end Resolved, {bareRounds.Sum(r => r.Failures)} bare orchestrations did not complete.");
        }
    }

    /// <summary>Starts <paramref name="size"/> bare orchestrations at once and waits until every one has completed.</summary>
    private static async Task<Sample> RunBareAsync(BareTaskHub hub, int first, int size)
    {
        using var timeout = new CancellationTokenSource(RoundTimeout);
        var ids = Enumerable.Range(first, size).Select(n => string.Create(CultureInfo.InvariantCulture, $"bare-{n:D6}")).ToArray();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, size, Starters, async (i, _) => await hub.StartAsync(ids[i]));
        var states = await DrainAsync(ids, async id => await hub.Client.GetOrchestrationStateAsync(id) is { OrchestrationStatus: not (OrchestrationStatus.Pending or OrchestrationStatus.Running) } state ? state : null, timeout.Token);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Sample(
            seconds,
            states.Select(s => (s.CompletedTime - s.CreatedTime).TotalSeconds).ToList(),
            [],
            [],
            states.Count(s => s.OrchestrationStatus != OrchestrationStatus.Completed));
    }

    /// <summary>
    /// Waits until every instance is done, reading them in the order they were started (one read at a time, so waiting
    /// adds almost no load to the storage being measured); returns what <paramref name="done"/> read for each.
    /// </summary>
    private static async Task<T[]> DrainAsync<T>(string[] ids, Func<string, Task<T?>> done, CancellationToken cancellationToken)
        where T : class
    {
        var results = new T[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var result = await done(ids[i]);
            while (result is null)
            {
                await Task.Delay(PollInterval, cancellationToken);
                result = await done(ids[i]);
            }

            results[i] = result;
        }

        return results;
    }

    /// <summary>One batch's wall time, latencies and CPU time (this process, and Azurite's), in seconds.</summary>
    private sealed record Sample(double Seconds, List<double> Latencies, List<double> Notified, List<double> Closing, int Failures)
    {
        public double Cpu { get; init; }

        public double AzuriteCpu { get; init; }

        public double Rate => Latencies.Count / Seconds;

        /// <summary>CPU seconds per instance, here and in Azurite.</summary>
        public double CpuEach => (Cpu + AzuriteCpu) / Latencies.Count;

        public double P(double percentile) => Percentiles.Of(Latencies.Order().ToList(), percentile);

        public static Sample Of(List<Sample> rounds) => new(
            rounds.Sum(r => r.Seconds), [.. rounds.SelectMany(r => r.Latencies)], [.. rounds.SelectMany(r => r.Notified)], [.. rounds.SelectMany(r => r.Closing)], rounds.Sum(r => r.Failures))
        {
            Cpu = rounds.Sum(r => r.Cpu),
            AzuriteCpu = rounds.Sum(r => r.AzuriteCpu),
        };
    }

    /// <summary>CPU time used by this process and by Azurite's processes since it was made.</summary>
    private sealed class CpuMeter(int azuritePid)
    {
        private readonly TimeSpan _own = Own();
        private readonly TimeSpan _azurite = ProcessTreeCpu.Of(azuritePid);

        public Sample Stamp(Sample sample) => sample with
        {
            Cpu = (Own() - _own).TotalSeconds,
            AzuriteCpu = (ProcessTreeCpu.Of(azuritePid) - _azurite).TotalSeconds,
        };

        private static TimeSpan Own()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Files complaints into the local host and plays the lead and the customer when their emails arrive.</summary>
    private sealed class Lifecycles(IServiceProvider services)
    {
        private readonly ComplaintIntake _intake = services.GetRequiredService<ComplaintIntake>();
        private readonly DurableTaskClient _client = services.GetRequiredService<DurableTaskClient>();
        private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();
        private int _filed;

        public EmailSignals Signals { get; } = services.GetRequiredService<EmailSignals>();

        /// <summary>Files <paramref name="size"/> complaints at once and waits until every lifecycle has closed.</summary>
        public async Task<Sample> RunAsync(int size)
        {
            using var timeout = new CancellationTokenSource(RoundTimeout);
            var ids = new string[size];
            var filedAt = new DateTimeOffset[size];
            var confirmedAt = new DateTimeOffset[size];
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, size, Starters, async (i, ct) =>
            {
                var submission = BenchComplaints.Submission(Interlocked.Increment(ref _filed));
                filedAt[i] = _time.GetUtcNow();
                var outcome = await _intake.AcceptAsync(submission, new IntakeKey("bench", Guid.NewGuid().ToString("N")), Guid.NewGuid().ToString("N"), ct);
                ids[i] = outcome.Receipt?.ComplaintId ?? throw new InvalidOperationException($"A complaint was not accepted: {outcome.Kind}.");
            });
            BenchComplaints.RequireDistinct(ids);

            // The lead acts on the escalation email's decision link, the customer on the outcome email's "satisfied" link:
            // each link raises its event through the Durable client, as here.
            await Task.WhenAll(Enumerable.Range(0, size).Select(async i =>
            {
                await Signals.FirstSentAsync(ids[i], EmailKind.Escalation).WaitAsync(timeout.Token);
                await _client.RaiseEventAsync(ids[i], WorkflowNames.Events.AgentDecision, BenchComplaints.LeadResolves, timeout.Token);
                await Signals.FirstSentAsync(ids[i], EmailKind.Outcome).WaitAsync(timeout.Token);
                await _client.RaiseEventAsync(ids[i], WorkflowNames.Events.CustomerConfirmation, BenchComplaints.CustomerSatisfied, timeout.Token);
                confirmedAt[i] = _time.GetUtcNow();
            }));

            var closed = await DrainAsync(ids, async id => await _client.GetInstanceAsync(id, getInputsAndOutputs: true) is { IsCompleted: true } instance ? instance : null, timeout.Token);
            var seconds = clock.Elapsed.TotalSeconds;
            var notified = new List<double>(size);
            for (var i = 0; i < size; i++)
            {
                notified.Add(((await Signals.FirstSentAsync(ids[i], EmailKind.AgentAssignment)) - filedAt[i]).TotalSeconds);
            }

            return new Sample(
                seconds,
                closed.Select(m => (m.LastUpdatedAt - m.CreatedAt).TotalSeconds).ToList(),
                notified,
                closed.Select((m, i) => (m.LastUpdatedAt - confirmedAt[i]).TotalSeconds).ToList(),
                closed.Count(m => m.RuntimeStatus != OrchestrationRuntimeStatus.Completed || m.ReadOutputAs<ComplaintWorkflowResult>()?.Outcome != ComplaintOutcome.Resolved));
        }
    }
}
