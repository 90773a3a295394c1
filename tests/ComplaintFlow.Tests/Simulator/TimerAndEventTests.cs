using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Simulator;

public sealed class TimerAndEventTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Timer_fires_only_once_the_clock_passes_its_time()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, DateTime>("Sleeper", async (context, days) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddDays(days), CancellationToken.None);
                return context.CurrentUtcDateTime;
            });
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Sleeper", 3);
        await harness.AdvanceAsync(3 * Day - TimeSpan.FromSeconds(1));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(DurableHarness.Start.UtcDateTime.AddDays(3), state.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task Timer_with_a_cancelled_token_is_cancelled_and_never_fires()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Cancelled", async (context, _) =>
            {
                using var cancelled = new CancellationTokenSource();
#pragma warning disable CA1849 // orchestrator code stays on its thread
                cancelled.Cancel();
#pragma warning restore CA1849
                try
                {
                    await context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), cancelled.Token);
                    return "fired";
                }
                catch (TaskCanceledException)
                {
                    return "cancelled";
                }
            });
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Cancelled", 0);

        Assert.Equal("cancelled", (await harness.StateAsync(id)).ReadOutputAs<string>());
        Assert.DoesNotContain(await harness.HistoryAsync(id), e => e.Type == HistoryEventType.TimerCreated);
    }

    [Fact]
    public async Task Event_that_wins_the_race_cancels_the_timer_and_completes_without_time_passing()
    {
        await using var harness = await DurableHarness.StartAsync(ApprovalRegistry());
        var id = await harness.RunAsync("Approval", 0);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);

        await harness.RaiseAsync(id, "Approve", "yes");

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("yes after 0 reminders", state.ReadOutputAs<string>());
        Assert.Equal(DurableHarness.Start, harness.Clock.GetUtcNow());
        Assert.DoesNotContain(await harness.HistoryAsync(id), e => e.Type == HistoryEventType.TimerFired);
    }

    [Fact]
    public async Task Wait_that_lost_to_timers_still_receives_the_event_later()
    {
        await using var harness = await DurableHarness.StartAsync(ApprovalRegistry());
        var id = await harness.RunAsync("Approval", 0);

        await harness.AdvanceAsync(Day);
        await harness.AdvanceAsync(Day);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);
        await harness.RaiseAsync(id, "Approve", "finally");

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("finally after 2 reminders", state.ReadOutputAs<string>());
        Assert.Equal(2, (await harness.HistoryAsync(id)).Count(e => e.Type == HistoryEventType.TimerFired));
    }

    [Fact]
    public async Task Orchestrator_that_returns_without_cancelling_its_timer_stays_running_until_the_timer_fires()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Sloppy", async (context, _) =>
            {
                var reply = context.WaitForExternalEvent<string>("Reply");
                var winner = await Task.WhenAny(reply, context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None));
                return winner == reply ? await reply : "timeout";
            });
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Sloppy", 0);

        await harness.RaiseAsync(id, "Reply", "hi");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);
        await harness.AdvanceAsync(Day);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("hi", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_sent_by_one_orchestration_reaches_another_once_however_often_the_sender_replays()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string, int>("Sender", async (context, target) =>
            {
                context.SendEvent(target, "Raised", "from the sender");
                await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), CancellationToken.None); // a replay after the send
                await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                return 1;
            })
            .AddOrchestrator<int, string>("Receiver", async (context, _) =>
            {
                var first = await context.WaitForExternalEvent<string>("Raised");
                var second = context.WaitForExternalEvent<string>("Raised");
                var timeout = context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                return await Task.WhenAny(second, timeout) == second ? "twice" : first;
            });
        await using var harness = await DurableHarness.StartAsync(registry);
        var receiver = await harness.RunAsync("Receiver", 0);

        var sender = await harness.RunAsync("Sender", receiver);
        await harness.AdvanceAsync(TimeSpan.FromHours(2));
        await harness.AdvanceAsync(Day);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.StateAsync(sender)).RuntimeStatus);
        Assert.Equal("from the sender", (await harness.StateAsync(receiver)).ReadOutputAs<string>());
        var sent = Assert.Single(await harness.HistoryAsync(sender), e => e.Type == HistoryEventType.EventSent);
        Assert.Equal((receiver, "Raised"), (sent.TargetInstanceId, sent.Name));
    }

    [Fact]
    public async Task Event_sent_to_an_instance_that_does_not_exist_is_dropped_and_the_sender_goes_on()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Sender", (context, _) =>
            {
                context.SendEvent("nobody", "Raised", 1);
                return Task.FromResult("sent");
            });
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Sender", 0);

        Assert.Equal("sent", (await harness.StateAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_raised_before_anyone_waits_is_buffered_until_the_wait()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Late", async (context, _) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                return await context.WaitForExternalEvent<string>("Note");
            });
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Late", 0);

        await harness.RaiseAsync(id, "Note", "early bird");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);
        await harness.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("early bird", (await harness.StateAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_raised_before_the_instance_first_runs_is_delivered()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Eager", async (context, input) => input + await context.WaitForExternalEvent<int>("Add"));
        var store = new InMemoryDurableStore();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DurableHarness.Start);
        await using (var stopped = new DurableSimulator(registry, store, clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
        {
            await stopped.ScheduleNewOrchestrationInstanceAsync("Eager", 40, new StartOrchestrationOptions("eager"), DurableHarness.Token);
            await stopped.RaiseEventAsync("eager", "Add", 2, DurableHarness.Token);
        }

        await using var harness = await DurableHarness.StartAsync(registry, store, clock);
        await harness.IdleAsync();

        Assert.Equal(42, (await harness.StateAsync("eager")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Two_events_of_one_name_reach_two_waits_in_the_order_raised()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Pair", async (context, _) =>
            {
                var first = context.WaitForExternalEvent<string>("Vote");
                var second = context.WaitForExternalEvent<string>("Vote");
                var third = await context.WaitForExternalEvent<string>("vote");
                return $"{await first},{await second},{third}";
            });
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Pair", 0);

        await harness.Runtime.RaiseEventAsync(id, "Vote", "a", DurableHarness.Token);
        await harness.Runtime.RaiseEventAsync(id, "Vote", "b", DurableHarness.Token);
        await harness.Runtime.RaiseEventAsync(id, "Vote", "c", DurableHarness.Token);
        await harness.IdleAsync();

        Assert.Equal("a,b,c", (await harness.StateAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_names_are_case_insensitive_and_payloads_are_read_as_the_waited_type()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, Decision>("Decide", (context, _) => context.WaitForExternalEvent<Decision>("AgentDecision"));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Decide", 0);

        await harness.RaiseAsync(id, "AGENTDECISION", new Decision("王芳", Verdict.Upheld));

        Assert.Equal(new Decision("王芳", Verdict.Upheld), (await harness.StateAsync(id)).ReadOutputAs<Decision>());
    }

    [Fact]
    public async Task Events_for_unknown_or_finished_instances_are_dropped_without_error()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Quick", (_, input) => Task.FromResult(input));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Quick", 7);

        await harness.RaiseAsync("no-such-instance", "Anything", 1);
        await harness.RaiseAsync(id, "Anything", 1);
        await harness.Runtime.TerminateInstanceAsync("no-such-instance", null, DurableHarness.Token);

        Assert.Null(await harness.Runtime.GetInstanceAsync("no-such-instance", cancellation: DurableHarness.Token));
        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Empty(await harness.Store.GetPendingMessagesAsync(id, DurableHarness.Token));
        Assert.DoesNotContain(await harness.HistoryAsync(id), e => e.Type == HistoryEventType.EventRaised);
    }

    [Fact]
    public async Task Cancelled_wait_gives_its_event_to_the_next_wait()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("ChangeOfMind", async (context, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var abandoned = context.WaitForExternalEvent<string>("Reply", cancel.Token);
#pragma warning disable CA1849 // orchestrator code stays on its thread
                cancel.Cancel();
#pragma warning restore CA1849
                var kept = await context.WaitForExternalEvent<string>("Reply");
                return $"{abandoned.IsCanceled}:{kept}";
            });
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("ChangeOfMind", 0);

        await harness.RaiseAsync(id, "Reply", "hello");

        Assert.Equal("True:hello", (await harness.StateAsync(id)).ReadOutputAs<string>());
    }

    /// <summary>Waits once for "Approve" and races it against successive one-day timers, counting reminders.</summary>
    private static OrchestrationRegistry ApprovalRegistry() => new OrchestrationRegistry()
        .AddOrchestrator<int, string>("Approval", async (context, _) =>
        {
            var approval = context.WaitForExternalEvent<string>("Approve");
            var reminders = 0;
            while (!await context.WhenCompletedBefore(approval, context.CurrentUtcDateTime.AddDays(1)))
            {
                reminders++;
                if (reminders > 5)
                {
                    return "gave up";
                }
            }

            return $"{await approval} after {reminders} reminders";
        });

    private enum Verdict
    {
        Rejected,
        Upheld,
    }

    private sealed record Decision(string Agent, Verdict Verdict);
}
