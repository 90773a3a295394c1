using ComplaintFlow.Local.DevServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ComplaintFlow.Local.Hosting;

/// <summary>A built local host and the Azurite it started (if any), stopped together.</summary>
public sealed class LocalHostApp(WebApplication app, AzuriteProcess? azurite) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public IServiceProvider Services => App.Services;

    /// <summary>The addresses the host listens on, once started.</summary>
    public IReadOnlyCollection<string> Addresses =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await App.StartAsync(cancellationToken);
        var log = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ComplaintFlow");
        foreach (var address in Addresses)
        {
            LocalHostBanner.Print(log, address, azurite is not null);
        }

        await App.WaitForShutdownAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
