using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// One running copy of the product on one <see cref="Conformance.Runtime"/>, configured with a scenario's timing. The
/// product is reached the same way on each (its intake, stores, outbox and <see cref="DurableTaskClient"/>, from its
/// services); only how time passes differs.
/// Everything here takes its cancellation from <see cref="Stopping"/>, not from the test context: a play outlives the
/// fixture set-up that starts it.
/// </summary>
public abstract class ConformanceRuntime(Runtime runtime, CancellationToken stopping) : IAsyncDisposable
{
    public Runtime Runtime { get; } = runtime;

    /// <summary>Cancels whatever the runtime waits for.</summary>
    public CancellationToken Stopping { get; } = stopping;

    public abstract IServiceProvider Services { get; }

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public static async Task<ConformanceRuntime> StartAsync(Runtime runtime, ScenarioTiming timing, AzuriteFixture azurite, CancellationToken stopping) => runtime switch
    {
        Runtime.Simulator => await SimulatorRuntime.StartAsync(timing, stopping),
        Runtime.TestHost => await TestHostRuntime.StartAsync(timing, stopping),
        Runtime.Azurite => await AzuriteRuntime.StartAsync(timing, azurite, stopping),
        _ => throw new ArgumentOutOfRangeException(nameof(runtime), runtime, null),
    };

    /// <summary>
    /// Lets the workflow run, and time pass, until <paramref name="condition"/> holds; false when it still does not
    /// after <paramref name="patience"/> (of the runtime's own clock).
    /// </summary>
    public abstract Task<bool> PassUntilAsync(Func<Task<bool>> condition, TimeSpan patience);

    public abstract ValueTask DisposeAsync();

    /// <summary>On the real engines: polls <paramref name="condition"/> on the machine clock.</summary>
    protected async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, Stopping);
        }

        return true;
    }
}
