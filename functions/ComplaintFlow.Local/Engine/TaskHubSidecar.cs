using ComplaintFlow.Local.DevServices;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace ComplaintFlow.Local.Engine;

/// <summary>
/// The local host's Durable engine: the Durable Task Framework's Azure Storage provider
/// (<see cref="AzureStorageOrchestrationService"/>, the backend Durable Functions uses by default) served over gRPC to the
/// SDK's own worker and client by <see cref="TaskHubGrpcServer"/>, the same protocol Durable Functions' isolated worker
/// speaks to its host. The server comes from the preview <c>Microsoft.DurableTask.InProcessTestHost</c> package, the
/// only one served that carries a gRPC server over any DTFx backend; this class is the one place that touches it.
/// It runs in an application of its own on an HTTP/2 loopback port, so it is never on the URLs people reach.
/// The server adds no leases, heartbeats or timeouts of its own: partition leases and message visibility are the
/// Azure Storage provider's (see <see cref="DurableEngineOptions"/>).
/// </summary>
public sealed class TaskHubSidecar : IHostedService, IAsyncDisposable
{
    private readonly AzureStorageOrchestrationServiceSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly bool _dispatch;
    private AzureStorageOrchestrationService? _service;
    private WebApplication? _app;

    /// <param name="connectionString">The storage account (or Azurite) the task hub lives in.</param>
    /// <param name="options">The hub's name, partitions and timeouts.</param>
    /// <param name="dispatch">True to hand work items to the connected worker; false for a host that only starts and reads instances.</param>
    /// <param name="loggerFactory">For the provider's and the server's logs.</param>
    public TaskHubSidecar(string connectionString, DurableEngineOptions options, bool dispatch, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        _loggerFactory = loggerFactory;
        _dispatch = dispatch;
        _settings = CreateSettings(connectionString, options, loggerFactory);
        Port = LoopbackPort.Free();
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    /// <summary>The loopback port the gRPC endpoint listens on.</summary>
    public int Port { get; }

    public Uri Address { get; }

    /// <summary>The channel the SDK's worker and client use.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>
    /// The Azure Storage provider's settings for a hub of <paramref name="options"/> in <paramref name="connectionString"/>:
    /// the ones this sidecar runs on, so anything else that runs a hub beside it (the benchmark's bare DTFx hub) runs
    /// on the same.
    /// </summary>
    public static AzureStorageOrchestrationServiceSettings CreateSettings(string connectionString, DurableEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = options.HubName,
            PartitionCount = options.PartitionCount,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            // One name across restarts, so a restarted host takes back its own partition leases at once instead of
            // waiting for them to expire.
            WorkerId = $"{Environment.MachineName}-{options.HubName}",
            LoggerFactory = loggerFactory,
            // Without it a start refused by its dedupe statuses is silently dropped instead of reported.
            ThrowExceptionOnInvalidDedupeStatus = true,
        };
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = _service = new AzureStorageOrchestrationService(_settings);
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = _dispatch ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        _app = app;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }

        _service?.Dispose();
    }
}
