namespace ComplaintFlow.Local.Durable;

/// <summary>Starts the <see cref="DurableRuntime"/> with the host (resuming unfinished instances) and stops it with the host.</summary>
public sealed class DurableRuntimeHostedService(DurableRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
