using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Simulator;

/// <summary>A started <see cref="DurableSimulator"/> over a store, with a fake clock that tests move by hand.</summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private DurableHarness(OrchestrationRegistry registry, IDurableStore store, FakeTimeProvider clock, ILoggerFactory loggerFactory, DurableSimulatorOptions? options)
    {
        Runtime = new DurableSimulator(registry, store, clock, loggerFactory, options);
        Clock = clock;
        Store = store;
    }

    public DurableSimulator Runtime { get; }

    public FakeTimeProvider Clock { get; }

    public IDurableStore Store { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<DurableHarness> StartAsync(
        OrchestrationRegistry registry,
        IDurableStore? store = null,
        FakeTimeProvider? clock = null,
        ILoggerFactory? loggerFactory = null,
        DurableSimulatorOptions? options = null)
    {
        clock ??= new FakeTimeProvider(Start);
        store ??= new InMemoryDurableStore();
        // The runtime only starts timers and work once started; a failed start leaves nothing to dispose but the harness.
#pragma warning disable CA2000 // returned to the caller, who disposes it
        var harness = new DurableHarness(registry, store, clock, loggerFactory ?? NullLoggerFactory.Instance, options);
#pragma warning restore CA2000
        await harness.Runtime.StartAsync(Token);
        return harness;
    }

    /// <summary>Starts an instance and lets it run until it only waits for time or events.</summary>
    public async Task<string> RunAsync(string orchestrator, object? input, string? instanceId = null)
    {
        var id = await Runtime.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId ?? Guid.NewGuid().ToString("N")), Token);
        await IdleAsync();
        return id;
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await IdleAsync();
    }

    public async Task RaiseAsync(string instanceId, string eventName, object? payload = null)
    {
        await Runtime.RaiseEventAsync(instanceId, eventName, payload, Token);
        await IdleAsync();
    }

    public Task IdleAsync() => Runtime.WaitForIdleAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token);

    public async Task<OrchestrationMetadata> StateAsync(string instanceId) =>
        await Runtime.GetInstanceAsync(instanceId, getInputsAndOutputs: true, Token) ?? throw new InvalidOperationException($"No instance {instanceId}");

    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) => await Runtime.GetHistoryAsync(instanceId, Token);

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
