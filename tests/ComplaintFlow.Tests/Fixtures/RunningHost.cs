using System.Net;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Local.Hosting;
using ComplaintFlow.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Fixtures;

/// <summary>
/// The real local host (Kestrel on a free loopback port, the Durable engine, the queue poller) over the shared Azurite,
/// with its own table prefix and task hub so tests do not see each other's data. Dispose stops it.
/// </summary>
public sealed class RunningHost : ITestHost, IAsyncDisposable
{
    public const string ApiKey = ApiOptions.DevelopmentKey;

    private RunningHost(LocalHostApp app, Uri baseAddress, string tablePrefix)
    {
        App = app;
        BaseAddress = baseAddress;
        TablePrefix = tablePrefix;
    }

    public LocalHostApp App { get; }

    public Uri BaseAddress { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => App.Services;

    public IOutboxReader Outbox => Services.GetRequiredService<IOutboxReader>();

    public WebhookSigner Signer { get; } = new(WebhookOptions.DevelopmentSecret);

    public static Task<RunningHost> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? configureServices = null, params string[] settings) =>
        StartAsync(azurite, AzuriteFixture.UniqueName("t"), configureServices, settings);

    /// <summary>Starts a host over the data of <paramref name="prefix"/>, e.g. that of a host stopped earlier.</summary>
    public static Task<RunningHost> StartAsync(AzuriteFixture azurite, string prefix, Action<IServiceCollection>? configureServices = null, params string[] settings) =>
        StartAsync(azurite, prefix, configureServices, settings, TestContext.Current.CancellationToken);

    /// <summary>Starts a host for work that outlives the current test context (a fixture's), stopped by <paramref name="cancellationToken"/>.</summary>
    public static async Task<RunningHost> StartAsync(AzuriteFixture azurite, string prefix, Action<IServiceCollection>? configureServices, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var port = LoopbackPort.Free();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        string[] args =
        [
            "--environment", "Development",
            "--urls", baseAddress.AbsoluteUri.TrimEnd('/'),
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Storage:TablePrefix={prefix}",
            $"--DurableTask:HubName=h{prefix}",
            $"--IntakeQueue:QueueName=in{prefix.ToLowerInvariant()}",
            $"--IntakeQueue:PoisonQueueName=in{prefix.ToLowerInvariant()}-poison",
            "--IntakeQueue:VisibilityTimeout=00:00:01",
            "--IntakeQueue:PollInterval=00:00:00.200",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = await LocalHost.BuildAsync(args, configureServices, cancellationToken);
        await app.StartAsync(cancellationToken);
        return new RunningHost(app, baseAddress, prefix);
    }

    /// <summary>A client like a browser: keeps cookies, does not follow redirects by itself.</summary>
    public HttpClient CreateClient()
    {
#pragma warning disable CA2000 // the client owns and disposes the handler
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
