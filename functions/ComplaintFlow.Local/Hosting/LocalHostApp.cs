using ComplaintFlow.Infrastructure.Queues;
using ComplaintFlow.Local.DevServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Local.Hosting;

/// <summary>A built local host and the Azurite it started (if any), stopped together.</summary>
public sealed class LocalHostApp(WebApplication app, AzuriteProcess? azurite) : IAsyncDisposable
{
    private bool _started;

    public WebApplication App { get; } = app;

    public IServiceProvider Services => App.Services;

    /// <summary>The addresses the host listens on, once started.</summary>
    public IReadOnlyCollection<string> Addresses =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>
    /// Starts the host. Every setting is validated first, all at once, so a misconfigured host stops with the whole list
    /// of what to fix (an <see cref="OptionsValidationException"/>, or an <see cref="AggregateException"/> of them).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        App.Services.GetService<IStartupValidator>()?.Validate();
        await App.StartAsync(cancellationToken);
        _started = true;
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        var log = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ComplaintFlow");
        foreach (var address in Addresses)
        {
            LocalHostBanner.Print(log, address, azurite is not null);
        }

        if (azurite is not null)
        {
            // Written to the console, not the log: it is for the person wiring queue intake or Storage Explorer. The key is
            // Azurite's public, well-known development key, not a secret.
            await Console.Out.WriteLineAsync(LocalHostBanner.Storage(azurite, App.Services.GetRequiredService<IOptions<IntakeQueueOptions>>().Value.QueueName));
        }

        await App.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>The settings problems in an exception from <see cref="StartAsync"/>; empty when it is about something else.</summary>
    public static IReadOnlyList<string> SettingProblems(Exception exception) => exception switch
    {
        OptionsValidationException options => [.. options.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(SettingProblems)],
        _ => [],
    };

    public async ValueTask DisposeAsync()
    {
        // A host whose start failed (e.g. a setting did not validate) has nothing to stop.
        if (_started)
        {
            await App.StopAsync();
        }

        await App.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
