using Azure.Data.Tables;
using Azure.Storage.Queues;
using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Infrastructure.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>
/// Creates the tables and queues the product uses and seeds the agent roster from configuration; safe to run at every
/// start. Both hosts run it as a hosted service, before anything else that touches storage.
/// </summary>
public sealed class StorageInitializer(
    TableServiceClient tables,
    QueueServiceClient queues,
    StorageTables names,
    IntakeQueueOptions queueOptions,
    IAgentDirectory directory,
    IOptions<List<AgentOptions>> roster) : IHostedService
{
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var table in names.All)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        await queues.GetQueueClient(queueOptions.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queues.GetQueueClient(queueOptions.PoisonQueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (roster.Value.Count > 0)
        {
            await directory.SeedAsync(roster.Value, cancellationToken);
        }
    }
}
