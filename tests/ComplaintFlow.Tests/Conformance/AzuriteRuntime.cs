using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// The local host as it runs for people: the Durable Task Framework's Azure Storage provider through the SDK's gRPC
/// worker and client, Table Storage and the table outbox, recording behind intake's answer; on the shared Azurite,
/// with its own tables and task hub, and the real clock.
/// </summary>
public sealed class AzuriteRuntime : ConformanceRuntime
{
    private readonly RunningHost _host;

    private AzuriteRuntime(RunningHost host, CancellationToken stopping)
        : base(Runtime.Azurite, stopping) => _host = host;

    public override IServiceProvider Services => _host.Services;

    public static async Task<AzuriteRuntime> StartAsync(ScenarioTiming timing, AzuriteFixture azurite, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(timing);
#pragma warning disable CA2000 // the runtime owns the host and disposes it
        var host = await RunningHost.StartAsync(azurite, AzuriteFixture.UniqueName("c"), null, [.. timing.Settings().Select(s => $"--{s.Key}={s.Value}")], stopping);
#pragma warning restore CA2000
        return new AzuriteRuntime(host, stopping);
    }

    public override Task<bool> PassUntilAsync(Func<Task<bool>> condition, TimeSpan patience) => PollAsync(condition, patience);

    public override ValueTask DisposeAsync() => _host.DisposeAsync();
}
