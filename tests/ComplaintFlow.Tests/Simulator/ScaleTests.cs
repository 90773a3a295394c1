using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Simulator;

public sealed class ScaleTests
{
    private sealed record Case(int Number);

    [Fact]
    public async Task A_thousand_instances_run_side_by_side_in_memory_and_each_gets_its_own_result()
    {
        const int Count = 1_000;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<Case, string>("Lifecycle", async (context, input) =>
            {
                var squared = await context.CallActivityAsync<int>("Square", input.Number);
                var decision = context.WaitForExternalEvent<string>("Decide");
                var reminders = 0;
                while (!await context.WhenCompletedBefore(decision, context.CurrentUtcDateTime.AddHours(8)))
                {
                    reminders++;
                    await context.CallActivityAsync("Remind", input.Number);
                }

                var label = await context.CallActivityAsync<string>("Label", $"{squared}:{await decision}");
                return $"{label}:{reminders}";
            })
            .AddActivity<int, int>("Square", (n, _) => Task.FromResult(n * n))
            .AddActivity<int, bool>("Remind", (_, _) => Task.FromResult(true))
            .AddActivity<string, string>("Label", (text, _) => Task.FromResult("case " + text));
        await using var harness = await DurableHarness.StartAsync(registry);

        await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            harness.Runtime.ScheduleNewOrchestrationInstanceAsync("Lifecycle", new Case(i), new StartOrchestrationOptions($"case-{i}"), DurableHarness.Token)));
        await harness.IdleAsync();
        await harness.AdvanceAsync(TimeSpan.FromHours(8));
        await Task.WhenAll(Enumerable.Range(0, Count).Where(i => i % 2 == 0).Select(i =>
            harness.Runtime.RaiseEventAsync($"case-{i}", "decide", $"d{i}", DurableHarness.Token)));
        await harness.IdleAsync();
        await harness.AdvanceAsync(TimeSpan.FromHours(8));
        await Task.WhenAll(Enumerable.Range(0, Count).Where(i => i % 2 == 1).Select(i =>
            harness.Runtime.RaiseEventAsync($"case-{i}", "decide", $"d{i}", DurableHarness.Token)));
        await harness.IdleAsync();

        for (var i = 0; i < Count; i++)
        {
            var state = await harness.StateAsync($"case-{i}");
            Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
            Assert.Equal($"case {i * i}:d{i}:{(i % 2 == 0 ? 1 : 2)}", state.ReadOutputAs<string>());
        }

        Assert.True(harness.Runtime.Metrics.InstancesFinished >= Count);
    }
}
