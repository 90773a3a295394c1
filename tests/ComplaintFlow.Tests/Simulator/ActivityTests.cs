using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Simulator;

public sealed class ActivityTests
{
    private sealed record Order(string Customer, int Quantity, decimal UnitPrice);

    private sealed record Invoice(string Customer, decimal Total, string Text);

    [Fact]
    public async Task Activity_chain_passes_each_output_to_the_next_and_the_last_one_becomes_the_output()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<Order, Invoice>("Billing", async (context, order) =>
            {
                var total = await context.CallActivityAsync<decimal>("Price", order);
                var text = await context.CallActivityAsync<string>("Describe", new Invoice(order.Customer, total, string.Empty));
                return new Invoice(order.Customer, total, text);
            })
            .AddActivity<Order, decimal>("Price", (order, _) => Task.FromResult(order.Quantity * order.UnitPrice))
            .AddActivity<Invoice, string>("Describe", (invoice, _) => Task.FromResult($"{invoice.Customer} owes {invoice.Total:0.00}"));
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Billing", new Order("张伟", 3, 2.5m));

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(new Invoice("张伟", 7.5m, "张伟 owes 7.50"), state.ReadOutputAs<Invoice>());
        Assert.Contains("张伟", state.SerializedInput, StringComparison.Ordinal);
        var scheduled = (await harness.HistoryAsync(id)).Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.Name);
        Assert.Equal(["Price", "Describe"], scheduled);
    }

    [Fact]
    public async Task Failing_activity_is_retried_after_the_policy_delays_and_its_success_is_used()
    {
        var tries = 0;
        var policy = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMinutes(1), 2.0));
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Flaky", (context, _) => context.CallActivityAsync<string>("Send", "hello", policy))
            .AddActivity<string, string>("Send", (input, _) => ++tries < 3 ? throw new IOException("mail server down") : Task.FromResult(input + " sent"));
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Flaky", 0);
        Assert.Equal(1, tries);

        await harness.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(1, tries);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, tries);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(119));
        Assert.Equal(2, tries);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.StateAsync(id)).RuntimeStatus);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(3, tries);
        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("hello sent", state.ReadOutputAs<string>());
        Assert.Equal(3, harness.Runtime.Metrics.ActivitiesRun);
    }

    [Fact]
    public async Task Exhausted_retries_throw_TaskFailedException_with_the_error_which_the_orchestrator_can_catch()
    {
        var tries = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Careful", async (context, _) =>
            {
                try
                {
                    await context.CallActivityAsync("Explode", null, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromSeconds(1))));
                    return "no error";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
                }
            })
            .AddActivity<object?, bool>("Explode", (_, _) =>
            {
                tries++;
                throw new InvalidOperationException("boom");
            });
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Careful", 0);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("Explode|System.InvalidOperationException|boom", state.ReadOutputAs<string>());
        Assert.Equal(2, tries);
    }

    [Fact]
    public async Task Uncaught_activity_failure_fails_the_instance_with_its_details()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Careless", async (context, _) => await context.CallActivityAsync<int>("Explode"))
            .AddActivity<object?, int>("Explode", (_, _) => throw new ArgumentException("bad argument"));
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Careless", 0);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, state.FailureDetails?.ErrorType);
        Assert.Contains("'Explode'", state.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("bad argument", state.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(HistoryEventType.ExecutionFailed, (await harness.HistoryAsync(id))[^1].Type);
    }

    [Fact]
    public async Task Unhandled_orchestrator_exception_fails_the_instance()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Broken", async (context, input) =>
            {
                await context.CallActivityAsync<int>("Echo", input);
                throw new InvalidOperationException("orchestrator gave up");
            })
            .AddActivity<int, int>("Echo", (input, _) => Task.FromResult(input));
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Broken", 1);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException: orchestrator gave up", state.FailureDetails.Describe());
        Assert.Null(state.SerializedOutput);
    }

    [Fact]
    public async Task Unregistered_activity_fails_like_an_activity_that_threw()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, string>("Typo", async (context, _) =>
            {
                try
                {
                    await context.CallActivityAsync("Missing");
                    return "ran";
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            });
        await using var harness = await DurableHarness.StartAsync(registry);

        var id = await harness.RunAsync("Typo", 0);

        Assert.Equal("No activity named 'Missing' is registered.", (await harness.StateAsync(id)).ReadOutputAs<string>());
    }
}
