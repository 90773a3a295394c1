using ComplaintFlow.Local.Engine;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Bench;

/// <summary>
/// A task hub of its own on the Durable Task Framework's Azure Storage provider, driven directly (a
/// <see cref="TaskHubWorker"/> and a <see cref="TaskHubClient"/> in this process, no gRPC, no SDK), with the same
/// provider settings as the local host's engine (<see cref="TaskHubSidecar.CreateSettings"/>): the baseline the
/// complaint lifecycles are measured against.
/// </summary>
internal sealed class BareTaskHub : IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;

    private BareTaskHub(AzureStorageOrchestrationService service, TaskHubWorker worker, ILoggerFactory loggerFactory)
    {
        _service = service;
        _worker = worker;
        Client = new TaskHubClient(service, loggerFactory: loggerFactory);
    }

    public TaskHubClient Client { get; }

    /// <summary>Creates the hub <paramref name="options"/> name in <paramref name="connectionString"/> and starts its worker.</summary>
    public static async Task<BareTaskHub> StartAsync(string connectionString, DurableEngineOptions options, ILoggerFactory loggerFactory)
    {
        var service = new AzureStorageOrchestrationService(TaskHubSidecar.CreateSettings(connectionString, options, loggerFactory));
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service, loggerFactory);
        worker.AddTaskOrchestrations(typeof(BareOrchestration));
        worker.AddTaskActivities(typeof(BareActivity));
        await worker.StartAsync();
        return new BareTaskHub(service, worker, loggerFactory);
    }

    /// <summary>Starts one <see cref="BareOrchestration"/> as <paramref name="instanceId"/>.</summary>
    public Task StartAsync(string instanceId) => Client.CreateOrchestrationInstanceAsync(typeof(BareOrchestration), instanceId, instanceId);

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
        _service.Dispose();
    }
}
