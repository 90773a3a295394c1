using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>The product on the durable simulator with a fake clock that moves in small steps, as a real one would.</summary>
public sealed class SimulatorRuntime : ConformanceRuntime
{
    /// <summary>Small against the seconds-long windows, so each step lets at most one timer fire.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);

    private readonly InMemoryComplaintFlow _flow;
    private readonly FakeTimeProvider _time;

    private SimulatorRuntime(InMemoryComplaintFlow flow, FakeTimeProvider time, CancellationToken stopping)
        : base(Runtime.Simulator, stopping)
    {
        _flow = flow;
        _time = time;
    }

    public override IServiceProvider Services => _flow.Services;

    public static async Task<SimulatorRuntime> StartAsync(ScenarioTiming timing, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var time = new FakeTimeProvider(WorkflowDriver.MondayMorning);
        var flow = await InMemoryComplaintFlow.StartAsync(time, timing.Settings(), cancellationToken: stopping);
        return new SimulatorRuntime(flow, time, stopping);
    }

    public override async Task<bool> PassUntilAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var deadline = _time.GetUtcNow() + patience;
        while (true)
        {
            await _flow.Runtime.WaitForIdleAsync(Stopping);
            if (await condition())
            {
                return true;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return false;
            }

            _time.Advance(Step);
        }
    }

    public override ValueTask DisposeAsync() => _flow.DisposeAsync();
}
