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
            ? new TableServiceClient(options.TableServiceUri ?? new Uri($"https://{options.AccountName}.table.core.windows.net"), _credential.Value)
            : new TableServiceClient(options.ConnectionString);

    /// <summary>Messages are read and written as sent (no SDK encoding): intake accepts plain and base64 bodies itself.</summary>
    public QueueServiceClient CreateQueueServiceClient() =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new QueueServiceClient(options.QueueServiceUri ?? new Uri($"https://{options.AccountName}.queue.core.windows.net"), _credential.Value)
            : new QueueServiceClient(options.ConnectionString);
}
