using System.Diagnostics;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// Plays every scenario on every runtime, all at once (the real engines spend most of a scenario waiting on their
/// clocks); the tests read the results. On Azurite the scenarios with the same timing share one local host, which is
/// costly to start (each files its own customers' complaints, in words of its own, so none sees another's). On the
/// simulator each has its own, as moving its clock moves it for everyone on it; on the SDK's test host too, as it is
/// cheap and a shared one (whose backend runs as many work items at once as there are cores) was slower. Every
/// runtime is disposed when its scenarios end.
/// </summary>
public sealed class ConformanceRuns(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Dictionary<(Runtime, string), TaskCompletionSource<PlayResult>> _results = [];
    private readonly List<Task> _work = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Stopwatch _clock = new();

    /// <summary>How one scenario ended on one runtime, and how long after all the plays began it did.</summary>
    public sealed record PlayResult(IReadOnlyList<ObservedComplaint> Complaints, TimeSpan FinishedAfter);

    public Task<PlayResult> ResultAsync(Runtime runtime, string scenario) => _results[(runtime, scenario)].Task;

    public ValueTask InitializeAsync()
    {
        // Each wait has its own patience; this only stops a play that hangs outright.
        _stopping.CancelAfter(TimeSpan.FromMinutes(3));
        _clock.Start();
        foreach (var runtime in Enum.GetValues<Runtime>())
        {
            var groups = runtime != Runtime.Azurite
                ? Scenarios.All.Select(s => new[] { s })
                : Scenarios.All.GroupBy(s => s.Timing).Select(g => g.ToArray());
            foreach (var group in groups)
            {
                foreach (var scenario in group)
                {
                    _results[(runtime, scenario.Name)] = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                // Not in the set-up's test context: that is disposed when set-up ends, long before the plays do.
                using (ExecutionContext.SuppressFlow())
                {
                    _work.Add(Task.Run(() => PlayAsync(runtime, group, _stopping.Token)));
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // Wait, so no host outlives the tests; the plays' failures went to the tests that read them.
        await Task.WhenAll(_work);
        _stopping.Dispose();
    }

    private async Task PlayAsync(Runtime runtime, Scenario[] scenarios, CancellationToken stopping)
    {
        try
        {
            await using var running = await ConformanceRuntime.StartAsync(runtime, scenarios[0].Timing, azurite, stopping);
            await Task.WhenAll(scenarios.Select(async scenario =>
            {
                var result = _results[(runtime, scenario.Name)];
                try
                {
                    result.SetResult(await PlayAsync(running, scenario));
                }
                catch (Exception ex)
                {
                    result.SetException(ex);
                }
            }));
        }
        catch (Exception ex)
        {
            // The runtime did not start (or did not stop): every scenario that has no result yet reports it.
            foreach (var scenario in scenarios)
            {
                _results[(runtime, scenario.Name)].TrySetException(ex);
            }
        }
    }

    private async Task<PlayResult> PlayAsync(ConformanceRuntime running, Scenario scenario)
    {
        var play = new ScenarioPlay(running, scenario.Timing);
        await scenario.Play(play);
        var complaints = new List<ObservedComplaint>();
        foreach (var id in play.Filed)
        {
            complaints.Add(await play.ObserveAsync(id));
        }

        return new PlayResult(complaints, _clock.Elapsed);
    }
}
