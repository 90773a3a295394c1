using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>Makes the Table and Queue service clients from <see cref="StorageOptions"/>: a connection string, or Entra ID.</summary>
public sealed class StorageClientFactory(StorageOptions options)
{
    private readonly Lazy<TokenCredential> _credential = new(() => new DefaultAzureCredential(CredentialOptions(options.ManagedIdentityClientId)));

    /// <summary>
    /// <paramref name="managedIdentityClientId"/> when configured; otherwise Azure.Identity's own default, the
    /// <c>AZURE_CLIENT_ID</c> environment variable (which infra/ sets to the app's user-assigned identity). Setting the
    /// option to null would throw that default away and fall back to a system-assigned identity the app does not have.
    /// </summary>
    public static DefaultAzureCredentialOptions CredentialOptions(string? managedIdentityClientId)
    {
        var credential = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(managedIdentityClientId))
        {
            credential.ManagedIdentityClientId = managedIdentityClientId;
        }

        return credential;
    }

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
