using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Local.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Bench;

/// <summary>A private Azurite and the local host over it, as a user runs them, on free loopback ports.</summary>
internal sealed class BenchHosts : IAsyncDisposable
{
    private BenchHosts(AzuriteProcess azurite, LocalHostApp host, Uri baseAddress)
    {
        Azurite = azurite;
        Host = host;
        BaseAddress = baseAddress;
    }

    public AzuriteProcess Azurite { get; }

    public LocalHostApp Host { get; }

    public Uri BaseAddress { get; }

    public static async Task<BenchHosts> StartAsync(Action<IServiceCollection>? configureServices = null, bool runWorkflows = true)
    {
        // In memory: Azurite's disk persistence rewrites its whole database file as it grows, which would be measured too.
        var azurite = await AzuriteProcess.StartAsync();
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        string[] args =
        [
            "--environment", "Development",
            "--urls", baseAddress.AbsoluteUri.TrimEnd('/'),
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            "--Storage:TablePrefix=bench",
            "--Logging:LogLevel:Default=Warning",
            $"--{LocalHost.RunWorkflowsSetting}={runWorkflows}",
        ];
        var host = await LocalHost.BuildAsync(args, configureServices);
        await host.StartAsync();
        return new BenchHosts(azurite, host, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
