using Azure.Core.Serialization;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Functions;

public static class FunctionsServices
{
    /// <summary>
    /// What the local host runs, with Durable Functions' client (<see cref="BoundDurableClient"/>) and recording inline, since
    /// an instance may be stopped once it has answered; the five-minute sweep catches what a crash leaves unrecorded.
    /// </summary>
    public static IServiceCollection AddComplaintFlowFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddComplaintFlow(configuration);
        services.AddSingleton<BoundDurableClient>();
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<BoundDurableClient>());
        services.AddSingleton<IDeliveryHandoff, InlineDeliveryHandoff>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());

        // Orchestration and activity inputs in the same JSON as the other runtimes (Durable Functions takes the worker's serializer).
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(WorkflowJson.Options));
        return services;
    }
}
