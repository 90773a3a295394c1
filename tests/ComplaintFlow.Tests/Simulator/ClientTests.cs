using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Local.Simulator;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Simulator;

public sealed class ClientTests
{
    private sealed record Progress(string Stage, int Percent);

    [Fact]
    public async Task Scheduling_an_existing_id_again_is_refused_and_keeps_the_one_instance_and_its_first_input()
    {
        var runs = 0;
        await using var harness = await DurableHarness.StartAsync(CountingRegistry(() => Interlocked.Increment(ref runs)));

        var first = await harness.Runtime.ScheduleNewOrchestrationInstanceAsync("Counted", "first", new StartOrchestrationOptions("same-id"), DurableHarness.Token);
        await harness.IdleAsync();
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => harness.Runtime.ScheduleNewOrchestrationInstanceAsync("Counted", "second", new StartOrchestrationOptions("same-id"), DurableHarness.Token));
        await harness.IdleAsync();

        Assert.Equal("same-id", first);
        Assert.Equal(1, runs);
        var state = await harness.StateAsync("same-id");
        Assert.Equal("first", state.ReadInputAs<string>());
        Assert.Equal("first!", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Concurrent_schedules_of_one_id_create_one_instance()
    {
        var runs = 0;
        await using var harness = await DurableHarness.StartAsync(CountingRegistry(() => Interlocked.Increment(ref runs)));

        var started = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(
            () => harness.Runtime.StartOnceAsync("Counted", $"input {i}", "contested", DurableHarness.Token),
            DurableHarness.Token)));
        await harness.IdleAsync();

        Assert.Single(started, s => s);
        Assert.Equal(1, runs);
        var all = new List<OrchestrationMetadata>();
        await foreach (var state in harness.Runtime.GetAllInstancesAsync())
        {
            all.Add(state);
        }

        Assert.Single(all);
    }

    [Fact]
    public async Task Custom_status_is_visible_while_running_and_after_completion()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Reporting", async (context, _) =>
            {
                context.SetCustomStatus(new Progress("waiting for agent", 50));
                var answer = await context.WaitForExternalEvent<int>("Answer");
                context.SetCustomStatus(new Progress("closed", 100));
                return answer;
            });
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Reporting", 0);

        Assert.Equal(new Progress("waiting for agent", 50), (await harness.StateAsync(id)).ReadCustomStatusAs<Progress>());
        Assert.Throws<InvalidOperationException>(() => harness.Runtime.GetInstanceAsync(id, false, DurableHarness.Token).Result!.ReadCustomStatusAs<Progress>());
        await harness.RaiseAsync(id, "Answer", 1);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(new Progress("closed", 100), state.ReadCustomStatusAs<Progress>());
    }

    [Fact]
    public async Task Terminated_instance_runs_no_more_code_and_only_finished_instances_can_be_purged()
    {
        var activityRuns = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Patient", async (context, _) =>
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                await context.CallActivityAsync("Work");
                return await context.WaitForExternalEvent<string>("Never");
            })
            .AddActivity<object?, bool>("Work", (_, _) => Task.FromResult(Interlocked.Increment(ref activityRuns) > 0));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Patient", 0);
        Assert.Equal(0, (await harness.Runtime.PurgeInstanceAsync(id, DurableHarness.Token)).PurgedInstanceCount);

        await harness.Runtime.TerminateInstanceAsync(id, "stopped by admin", DurableHarness.Token);
        var terminated = await harness.Runtime.WaitForInstanceCompletionAsync(id, true, DurableHarness.Token);
        await harness.AdvanceAsync(TimeSpan.FromDays(2));
        await harness.RaiseAsync(id, "Never", "late");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal("stopped by admin", terminated.ReadOutputAs<string>());
        Assert.Equal(0, activityRuns);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await harness.StateAsync(id)).RuntimeStatus);
        Assert.Equal(HistoryEventType.ExecutionTerminated, (await harness.HistoryAsync(id))[^1].Type);

        Assert.Equal(1, (await harness.Runtime.PurgeInstanceAsync(id, DurableHarness.Token)).PurgedInstanceCount);
        Assert.Null(await harness.Runtime.GetInstanceAsync(id, cancellation: DurableHarness.Token));
        Assert.Empty(await harness.HistoryAsync(id));
        Assert.Equal(0, (await harness.Runtime.PurgeInstanceAsync(id, DurableHarness.Token)).PurgedInstanceCount);
    }

    [Fact]
    public async Task Instances_can_be_listed_by_status()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<bool, string>("Maybe", async (context, wait) => wait ? await context.WaitForExternalEvent<string>("Go") : "done");
        await using var harness = await DurableHarness.StartAsync(registry);
        await harness.RunAsync("Maybe", true, "waiting-1");
        await harness.RunAsync("Maybe", true, "waiting-2");
        await harness.RunAsync("Maybe", false, "done-1");

        var running = new List<string>();
        await foreach (var state in harness.Runtime.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] }))
        {
            running.Add(state.InstanceId);
        }

        var completed = new List<string>();
        await foreach (var state in harness.Runtime.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed] }))
        {
            completed.Add(state.InstanceId);
        }

        Assert.Equal(["waiting-1", "waiting-2"], running.Order());
        Assert.Equal(["done-1"], completed);
    }

    [Fact]
    public async Task Inputs_and_outputs_are_returned_only_when_asked_for()
    {
        var registry = new OrchestrationRegistry().AddOrchestrator<string, string>("Echo", (_, input) => Task.FromResult(input));
        await using var harness = await DurableHarness.StartAsync(registry);
        var id = await harness.RunAsync("Echo", "secret");

        var bare = await harness.Runtime.WaitForInstanceCompletionAsync(id, false, DurableHarness.Token);
        var full = await harness.Runtime.WaitForInstanceCompletionAsync(id, true, DurableHarness.Token);

        Assert.Null(bare.SerializedInput);
        Assert.Null(bare.SerializedOutput);
        Assert.Equal("secret", full.ReadOutputAs<string>());
        Assert.Equal("Echo", full.Name);
        Assert.Equal(DurableHarness.Start, full.CreatedAt);
    }

    [Fact]
    public async Task Restarted_runtime_reruns_an_activity_that_never_reported_back_and_delivers_stored_events()
    {
        var store = new InMemoryDurableStore();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Resumable", async (context, _) =>
            {
                var done = await context.CallActivityAsync<int>("Slow");
                return $"{done}:{await context.WaitForExternalEvent<string>("Go")}";
            })
            .AddActivity<object?, int>("Slow", async (_, cancellationToken) =>
            {
                var run = Interlocked.Increment(ref runs);
                if (run == 1)
                {
                    started.TrySetResult();
                    await release.Task.WaitAsync(cancellationToken);
                }

                return run;
            });

        var first = await DurableHarness.StartAsync(registry, store);
        await first.Runtime.ScheduleNewOrchestrationInstanceAsync("Resumable", 0, new StartOrchestrationOptions("resumable"), DurableHarness.Token);
        await started.Task.WaitAsync(DurableHarness.Token);

        await first.Runtime.StopAsync(DurableHarness.Token);
        await first.Runtime.RaiseEventAsync("resumable", "Go", "after restart", DurableHarness.Token);
        await first.DisposeAsync();

        await using var second = await DurableHarness.StartAsync(registry, store, first.Clock);
        await second.IdleAsync();

        Assert.Equal("2:after restart", (await second.StateAsync("resumable")).ReadOutputAs<string>());
    }

    private static OrchestrationRegistry CountingRegistry(Action onRun) => new OrchestrationRegistry()
        .AddOrchestrator<string, string>("Counted", (context, input) => context.CallActivityAsync<string>("Mark", input))
        .AddActivity<string, string>("Mark", (input, _) =>
        {
            onRun();
            return Task.FromResult(input + "!");
        });
}
