using Azure.Data.Tables;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Local.Durable;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Durable;

/// <summary>The runtime over <see cref="TableDurableStore"/> on a real Azurite, each test with its own tables.</summary>
public sealed class TableDurableStoreTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runtime_restarted_over_the_same_tables_resumes_waits_on_timers_and_events()
    {
        var prefix = AzuriteFixture.UniqueName("d");
        var clock = new FakeTimeProvider(DurableHarness.Start);
        var recorded = 0;
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string, string>("Approval", async (context, subject) =>
            {
                var receipt = await context.CallActivityAsync<string>("Record", subject);
                var approval = context.WaitForExternalEvent<string>("Approve");
                var days = subject == "by-timer" ? 1 : 3;
                return await context.WhenCompletedBefore(approval, context.CurrentUtcDateTime.AddDays(days))
                    ? $"{receipt} approved by {await approval}"
                    : $"{receipt} timed out at {context.CurrentUtcDateTime:yyyy-MM-dd}";
            })
            .AddActivity<string, string>("Record", (subject, _) =>
            {
                Interlocked.Increment(ref recorded);
                return Task.FromResult("#" + subject);
            });

        var before = new DurableRuntime(registry, new TableDurableStore(azurite.TableService(), prefix), clock, NullLoggerFactory.Instance);
        await using (before)
        {
            await before.StartAsync(Token);
            foreach (var id in new[] { "by-event", "by-timer", "by-stored-event" })
            {
                await before.ScheduleNewOrchestrationInstanceAsync("Approval", id, id, Token);
            }

            await before.WaitForIdleAsync(Token);
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await before.GetInstanceAsync("by-event", cancellationToken: Token))!.RuntimeStatus);
            await before.StopAsync(Token);
        }

        // While no runtime runs, an event is stored and a timer falls due.
        await using var after = new DurableRuntime(registry, new TableDurableStore(azurite.TableService(), prefix), clock, NullLoggerFactory.Instance);
        await after.RaiseEventAsync("by-stored-event", "Approve", "李娜", Token);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await after.StartAsync(Token);
        await after.WaitForIdleAsync(Token);
        Assert.Equal("#by-stored-event approved by 李娜", (await after.WaitForInstanceCompletionAsync("by-stored-event", true, Token)).ReadOutputAs<string>());
        Assert.Equal("#by-timer timed out at 2026-03-03", (await after.WaitForInstanceCompletionAsync("by-timer", true, Token)).ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await after.GetInstanceAsync("by-event", cancellationToken: Token))!.RuntimeStatus);

        await after.RaiseEventAsync("by-event", "Approve", "Ana", Token);
        await after.WaitForIdleAsync(Token);

        Assert.Equal("#by-event approved by Ana", (await after.WaitForInstanceCompletionAsync("by-event", true, Token)).ReadOutputAs<string>());
        Assert.Equal(3, recorded);
        clock.Advance(TimeSpan.FromDays(3));
        await after.WaitForIdleAsync(Token);
        Assert.Equal(3, recorded);
    }

    [Fact]
    public async Task Payloads_larger_than_a_table_property_round_trip_and_too_large_ones_are_refused()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<string, string>("Echo", (context, text) => context.CallActivityAsync<string>("Shout", text))
            .AddOrchestrator<int, string>("Waiter", (context, _) => context.WaitForExternalEvent<string>("Big"))
            .AddActivity<string, string>("Shout", (text, _) => Task.FromResult("✓" + text.ToUpperInvariant()));
        var store = new TableDurableStore(azurite.TableService(), AzuriteFixture.UniqueName("d"));
        await using var harness = await DurableHarness.StartAsync(registry, store);
        // 31,999 ASCII characters put an emoji's surrogate pair across the first 32,000-character boundary.
        var text = new string('a', 31_999) + string.Concat(Enumerable.Repeat("投诉🙂", 10_000));

        var id = await harness.RunAsync("Echo", text);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(text, state.ReadInputAs<string>());
        Assert.Equal("✓" + text.ToUpperInvariant(), state.ReadOutputAs<string>());
        var huge = new string('x', 600_000);
        var refused = await Assert.ThrowsAsync<DurablePayloadTooLargeException>(() =>
            harness.Runtime.ScheduleNewOrchestrationInstanceAsync("Echo", huge, "too-large", Token));
        Assert.Contains("Table Storage", refused.Message, StringComparison.Ordinal);
        Assert.Null(await harness.Runtime.GetInstanceAsync("too-large", cancellationToken: Token));
        var waiter = await harness.RunAsync("Waiter", 0);
        await Assert.ThrowsAsync<DurablePayloadTooLargeException>(() => harness.Runtime.RaiseEventAsync(waiter, "Big", huge, Token));
    }

    [Fact]
    public async Task Instance_whose_activity_returns_too_much_to_store_fails_with_the_reason()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Greedy", async (context, size) => (await context.CallActivityAsync<string>("Produce", size)).Length)
            .AddActivity<int, string>("Produce", (size, _) => Task.FromResult(new string('x', size)));
        var store = new TableDurableStore(azurite.TableService(), AzuriteFixture.UniqueName("d"));
        await using var harness = await DurableHarness.StartAsync(registry, store);

        var id = await harness.RunAsync("Greedy", 600_000);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("History event TaskCompleted", state.FailureDetails, StringComparison.Ordinal);
        Assert.Contains("more than the 1,000,000 one entity holds", state.FailureDetails, StringComparison.Ordinal);
        Assert.Equal(HistoryEventType.ExecutionFailed, (await harness.HistoryAsync(id))[^1].Type);
    }

    [Fact]
    public async Task Episode_with_more_than_a_hundred_new_events_commits_in_several_batches()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("FanOut", async (context, count) =>
            {
                var parts = await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Identity", i)));
                return parts.Sum();
            })
            .AddActivity<int, int>("Identity", (i, _) => Task.FromResult(i));
        var store = new TableDurableStore(azurite.TableService(), AzuriteFixture.UniqueName("d"));
        await using var harness = await DurableHarness.StartAsync(registry, store);

        var id = await harness.RunAsync("FanOut", 250);

        Assert.Equal(250 * 251 / 2, (await harness.StateAsync(id)).ReadOutputAs<int>());
        var history = await harness.HistoryAsync(id);
        Assert.Equal(250, history.Count(e => e.Type == HistoryEventType.TaskScheduled));
        Assert.Equal(250, history.Count(e => e.Type == HistoryEventType.TaskCompleted));
    }

    [Fact]
    public async Task ContinueAsNew_and_purge_leave_no_stale_rows_behind()
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<int, int>("Countdown", async (context, left) =>
            {
                await context.CallActivityAsync("Tick", left);
                if (left == 0)
                {
                    return 0;
                }

                context.ContinueAsNew(left - 1);
                return left;
            })
            .AddActivity<int, bool>("Tick", (_, _) => Task.FromResult(true));
        var prefix = AzuriteFixture.UniqueName("d");
        var store = new TableDurableStore(azurite.TableService(), prefix);
        await using var harness = await DurableHarness.StartAsync(registry, store);

        var id = await harness.RunAsync("Countdown", 3);

        var state = await harness.StateAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(0, state.ReadInputAs<int>());
        var history = azurite.TableService().GetTableClient(prefix + "history");
        var rows = await RowKeysAsync(history, id);
        Assert.Contains(id + "|instance", rows); // the instance row shares the partition, so an episode commits in one transaction
        Assert.All(rows.Where(k => k != id + "|instance"), key => Assert.StartsWith(id + "|h00000003-", key, StringComparison.Ordinal));

        Assert.True(await harness.Runtime.PurgeInstanceAsync(id, Token));
        Assert.Empty(await RowKeysAsync(history, id));
        Assert.Null(await harness.Runtime.GetInstanceAsync(id, cancellationToken: Token));
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string partition)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: Token))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
