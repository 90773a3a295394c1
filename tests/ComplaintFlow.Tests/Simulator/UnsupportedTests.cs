using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Simulator;

/// <summary>What the simulator does not offer says so, naming the member, instead of behaving unlike Durable.</summary>
public sealed class UnsupportedTests
{
    [Fact]
    public async Task A_sub_orchestration_fails_the_instance_with_NotSupportedException_naming_the_member()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Parent", (context, _) => context.CallSubOrchestratorAsync<int>("Child"));
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Parent", 0);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Equal(typeof(NotSupportedException).FullName, state.FailureDetails?.ErrorType);
        Assert.Contains(nameof(TaskOrchestrationContext.CallSubOrchestratorAsync), state.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_are_refused_by_name()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Curious", (context, _) =>
            {
                try
                {
                    return Task.FromResult(context.Entities.ToString() ?? string.Empty);
                }
                catch (NotSupportedException e)
                {
                    return Task.FromResult(e.Message);
                }
            });
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Curious", 0);

        Assert.Contains(nameof(TaskOrchestrationContext.Entities), (await harness.StateAsync(id)).ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_resume_and_a_scheduled_start_are_refused_by_name()
    {
        await using var harness = await DurableHarness.StartAsync(new OrchestrationRegistry().AddOrchestrator<int, int>("Idle", (_, input) => Task.FromResult(input)));

        var suspend = await Assert.ThrowsAsync<NotSupportedException>(() => harness.Runtime.SuspendInstanceAsync("any", cancellation: DurableHarness.Token));
        var resume = await Assert.ThrowsAsync<NotSupportedException>(() => harness.Runtime.ResumeInstanceAsync("any", cancellation: DurableHarness.Token));
        var later = await Assert.ThrowsAsync<NotSupportedException>(() => harness.Runtime.ScheduleNewOrchestrationInstanceAsync(
            "Idle", 1, new StartOrchestrationOptions("later", DateTimeOffset.UtcNow.AddHours(1)), DurableHarness.Token));

        Assert.Contains(nameof(DurableTaskClient.SuspendInstanceAsync), suspend.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DurableTaskClient.ResumeInstanceAsync), resume.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(StartOrchestrationOptions.StartAt), later.Message, StringComparison.Ordinal);
    }
}
