using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using ComplaintFlow.Infrastructure.Hosting;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>Makes the Table and Queue service clients from <see cref="StorageOptions"/>: a connection string, or Entra ID.</summary>
public sealed class StorageClientFactory(StorageOptions options)
{
    private readonly Lazy<TokenCredential> _credential = new(() => AppIdentity.Credential(options.ManagedIdentityClientId));

    public TableNames TableNames { get; } = new(options.TablePrefix);

    public TableServiceClient CreateTableServiceClient() =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(options.TableServiceUri ?? new Uri($"https://{options.AccountName}.table.core.windows.net"), _credential.Value, Bounded(new TableClientOptions()))
            : new TableServiceClient(options.ConnectionString, Bounded(new TableClientOptions()));

    /// <summary>
    /// The SDK's retries (3, exponential from 0.8 s) with a 30 s network timeout instead of 100 s: a storage account
    /// that stops answering fails a request in about two minutes at worst, so callers answer 503 instead of hanging.
    /// </summary>
    private static T Bounded<T>(T clientOptions)
        where T : ClientOptions
    {
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return clientOptions;
    }

    /// <summary>Messages are read and written as sent (no SDK encoding): intake accepts plain and base64 bodies itself.</summary>
    public QueueServiceClient CreateQueueServiceClient() =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new QueueServiceClient(options.QueueServiceUri ?? new Uri($"https://{options.AccountName}.queue.core.windows.net"), _credential.Value, Bounded(new QueueClientOptions()))
            : new QueueServiceClient(options.ConnectionString, Bounded(new QueueClientOptions()));
}
