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

    /// <param name="configureServices">Last say over the host's services.</param>
    /// <param name="runWorkflows">False for an intake-only host.</param>
    /// <param name="settings">More <c>--Section:Key=value</c> arguments for the host.</param>
    public static async Task<BenchHosts> StartAsync(Action<IServiceCollection>? configureServices = null, bool runWorkflows = true, IEnumerable<string>? settings = null)
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
            .. settings ?? [],
        ];
        LocalHostApp? host = null;
        try
        {
            host = await LocalHost.BuildAsync(args, configureServices);
            await host.StartAsync();
            return new BenchHosts(azurite, host, baseAddress);
        }
        catch
        {
            // A host that did not start (a setting that did not validate) must not leave its Azurite running.
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
