using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Local.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Local.Engine;

/// <summary>Registers the real Durable engine for the local host: the task hub sidecar, the SDK's gRPC client and (unless intake-only) its worker.</summary>
public static class LocalEngine
{
    /// <param name="services">The host's services; the storage options must be registered already.</param>
    /// <param name="configuration">Holds the <see cref="DurableEngineOptions.Section"/> section.</param>
    /// <param name="runWorkflows">False for an intake-only host: it starts and reads instances, and another host runs them.</param>
    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, IConfiguration configuration, bool runWorkflows)
    {
        services.AddOptions<DurableEngineOptions>().Bind(configuration.GetSection(DurableEngineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DurableEngineOptions>>(new OptionsValidator<DurableEngineOptions>(o => o.Validate()));
        services.AddSingleton(sp => new TaskHubSidecar(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString
                ?? throw new InvalidOperationException("The local Durable engine needs Storage:ConnectionString (the local host sets it when it starts Azurite)."),
            sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value,
            dispatch: runWorkflows,
            sp.GetRequiredService<ILoggerFactory>()));

        // Before the worker's own hosted service, so the sidecar listens when the worker connects (and stops after it).
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubSidecar>());

        var json = new JsonDataConverter(WorkflowJson.Options);
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.Configure(o => o.DataConverter = json);
            client.RegisterDirectly();
        });
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<TaskHubSidecar>((o, sidecar) => o.Channel = sidecar.Channel);

        if (runWorkflows)
        {
            services.AddDurableTaskWorker(worker =>
            {
                worker.AddTasks(tasks => tasks.AddComplaintWorkflow());
                worker.UseGrpc();
                worker.Configure(o => o.DataConverter = json);
            });
            services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName).Configure<TaskHubSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        }

        return services;
    }
}
