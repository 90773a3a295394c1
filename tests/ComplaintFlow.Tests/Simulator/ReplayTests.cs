using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Tests.Simulator;

public sealed class ReplayTests
{
    private sealed record Tally(int Total, int Round);

    [Fact]
    public async Task ContinueAsNew_restarts_history_with_the_new_input_and_keeps_unprocessed_events()
    {
        await using var harness = await DurableHarness.StartAsync(TallyRegistry(preserve: true));
        var id = await harness.RunAsync("Tally", new Tally(0, 0));
        foreach (var amount in new[] { 1, 2, 3 })
        {
            await harness.RaiseAsync(id, "Add", amount);
        }

        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);
        await harness.AdvanceAsync(TimeSpan.FromHours(1));

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(new Tally(6, 2), state.ReadOutputAs<Tally>());
        Assert.Equal(new Tally(3, 2), state.ReadInputAs<Tally>());
        var history = await harness.HistoryAsync(id);
        var started = Assert.Single(history, e => e.Type == HistoryEventType.ExecutionStarted);
        Assert.Equal(new Tally(3, 2), OrchestrationRegistry.Deserialize<Tally>(started.Data));
        Assert.Single(history, e => e.Type == HistoryEventType.TimerCreated);
    }

    [Fact]
    public async Task ContinueAsNew_without_preserving_drops_the_unprocessed_events()
    {
        await using var harness = await DurableHarness.StartAsync(TallyRegistry(preserve: false));
        var id = await harness.RunAsync("Tally", new Tally(0, 0));
        await harness.RaiseAsync(id, "Add", 1);
        await harness.RaiseAsync(id, "Add", 2);

        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        await harness.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);
        await harness.RaiseAsync(id, "Add", 10);
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        await harness.RaiseAsync(id, "Add", 100);
        Assert.Equal(new Tally(111, 2), (await harness.StateAsync(id)).ReadOutputAs<Tally>());
    }

    [Fact]
    public async Task Replay_that_schedules_another_activity_than_history_fails_the_instance_naming_both()
    {
        var variant = "Ship";
        await using var harness = await DurableHarness.StartAsync(ShipOrInvoice(() => variant));
        var id = await harness.RunAsync("Fickle", 0);

        variant = "Invoice";
        await harness.RaiseAsync(id, "Go", "now");

        AssertReplayScheduledInvoiceWhereHistoryHasShip(await harness.StateAsync(id));
    }

    [Fact]
    public async Task An_orchestrator_that_branches_on_the_machine_clock_is_reported_as_non_deterministic()
    {
        // The mistake under test: reading DateTime.UtcNow instead of context.CurrentUtcDateTime. The first episode runs
        // before the cutoff and schedules Ship; the replay after it would schedule Invoice.
        var cutoff = DateTime.UtcNow.AddSeconds(1);
        await using var harness = await DurableHarness.StartAsync(ShipOrInvoice(() => DateTime.UtcNow < cutoff ? "Ship" : "Invoice"));
        var id = await harness.RunAsync("Fickle", 0);
        Assert.Contains(await harness.HistoryAsync(id), e => e.Type == HistoryEventType.TaskScheduled && e.Name == "Ship");

        var wait = cutoff - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(50), DurableHarness.Token);
        }

        await harness.RaiseAsync(id, "Go", "now");

        AssertReplayScheduledInvoiceWhereHistoryHasShip(await harness.StateAsync(id));
    }

    [Fact]
    public async Task Replay_that_creates_a_timer_where_history_has_an_activity_fails_the_instance()
    {
        var useTimer = false;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Fickle", async (context, _) =>
            {
                if (useTimer)
                {
                    await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
                }
                else
                {
                    await context.CallActivityAsync("Ship");
                }

                return await context.WaitForExternalEvent<string>("Go");
            })
            .AddActivity<object?, bool>("Ship", (_, _) => Task.FromResult(true));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Fickle", 0);

        useTimer = true;
        await harness.RaiseAsync(id, "Go", "now");

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("history has activity 'Ship' as task 0, but the replay scheduled a timer", state.FailureDetails.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_that_no_longer_schedules_a_recorded_activity_fails_the_instance()
    {
        var skip = false;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Fickle", async (context, _) =>
            {
                var go = context.WaitForExternalEvent<string>("Go");
                if (!skip)
                {
                    await context.CallActivityAsync("Ship");
                }

                return await go;
            })
            .AddActivity<object?, bool>("Ship", (_, _) => Task.FromResult(true));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Fickle", 0);

        skip = true;
        await harness.RaiseAsync(id, "Go", "now");

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("activity 'Ship'", state.FailureDetails.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_and_guids_are_the_same_on_every_replay()
    {
        var seen = new List<(DateTime Time, Guid Guid, bool Replaying)>();
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Stable", async (context, _) =>
            {
                seen.Add((context.CurrentUtcDateTime, context.NewGuid(), context.IsReplaying));
                var echoed = await context.CallActivityAsync<Guid>("Echo", context.NewGuid());
                await context.WaitForExternalEvent<int>("Go");
                return $"{echoed}|{context.NewGuid()}";
            })
            .AddActivity<Guid, Guid>("Echo", (guid, _) => Task.FromResult(guid));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Stable", 0);
        harness.Clock.Advance(TimeSpan.FromHours(5));
        await harness.RaiseAsync(id, "Go", 1);

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal(seen[0].Time, s.Time));
        Assert.All(seen, s => Assert.Equal(seen[0].Guid, s.Guid));
        Assert.Equal([false, true, true], seen.Select(s => s.Replaying));
        Assert.Equal(DurableHarness.Start.UtcDateTime, seen[0].Time);
        var parts = (await harness.StateAsync(id)).ReadOutputAs<string>()!.Split('|');
        Assert.NotEqual(seen[0].Guid.ToString(), parts[0]);
        Assert.NotEqual(parts[0], parts[1]);
    }

    [Fact]
    public async Task Replay_safe_logger_writes_each_message_once_and_nothing_while_replaying()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Chatty", async (context, input) =>
            {
                var logger = context.CreateReplaySafeLogger("Chatty");
                logger.LogInformation("starting");
                var doubled = await context.CallActivityAsync<int>("Double", input);
                logger.LogInformation("doubled");
                var quadrupled = await context.CallActivityAsync<int>("Double", doubled);
                logger.LogInformation("done");
                return quadrupled;
            })
            .AddActivity<int, int>("Double", (value, _) => Task.FromResult(value * 2));
        await using var harness = await DurableHarness.StartAsync(registry, loggerFactory: loggerFactory);

        var id = await harness.RunAsync("Chatty", 3);

        Assert.Equal(12, (await harness.StateAsync(id)).ReadOutputAs<int>());
        Assert.Equal(["starting", "doubled", "done"], logs.Messages("Chatty"));
    }

    private static OrchestrationRegistry TallyRegistry(bool preserve) => new OrchestrationRegistry()
        .AddOrchestrator<Tally, Tally>("Tally", async (context, tally) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
            var next = new Tally(tally.Total + await context.WaitForExternalEvent<int>("Add"), tally.Round);
            if (next.Round == 2)
            {
                return next;
            }

            context.ContinueAsNew(next with { Round = next.Round + 1 }, preserve);
            return next;
        });

    /// <summary>"Fickle": calls the activity <paramref name="choose"/> names (Ship or Invoice), then waits for "Go".</summary>
    private static OrchestrationRegistry ShipOrInvoice(Func<string> choose) => new OrchestrationRegistry()
        .AddOrchestrator<int, string>("Fickle", async (context, _) =>
        {
            await context.CallActivityAsync(choose());
            return await context.WaitForExternalEvent<string>("Go");
        })
        .AddActivity<object?, bool>("Ship", (_, _) => Task.FromResult(true))
        .AddActivity<object?, bool>("Invoice", (_, _) => Task.FromResult(true));

    private static void AssertReplayScheduledInvoiceWhereHistoryHasShip(OrchestrationMetadata state)
    {
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("Non-deterministic", state.FailureDetails.Describe(), StringComparison.Ordinal);
        Assert.Contains("activity 'Ship'", state.FailureDetails.Describe(), StringComparison.Ordinal);
        Assert.Contains("activity 'Invoice'", state.FailureDetails.Describe(), StringComparison.Ordinal);
    }
}
