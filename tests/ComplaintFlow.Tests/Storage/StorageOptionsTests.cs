using ComplaintFlow.Infrastructure.Storage;

namespace ComplaintFlow.Tests.Storage;

/// <summary>Where the tables are: a connection string, or an account reached with Entra ID (managed identity in Azure).</summary>
public sealed class StorageOptionsTests
{
    [Fact]
    public void An_account_name_alone_reaches_the_public_cloud_endpoints_with_a_credential()
    {
        var factory = new StorageClientFactory(new StorageOptions { AccountName = "cfprod", TablePrefix = "cfprod" });

        Assert.Equal(new Uri("https://cfprod.table.core.windows.net/"), factory.CreateTableServiceClient().Uri);
        Assert.Equal(new Uri("https://cfprod.queue.core.windows.net/"), factory.CreateQueueServiceClient().Uri);
        Assert.Equal("cfprodcomplaints", factory.TableNames.Complaints);
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        var options = new StorageOptions
        {
            AccountName = "ignored",
            TableServiceUri = new Uri("https://tables.example.net/"),
            QueueServiceUri = new Uri("https://queues.example.net/"),
        };
        var factory = new StorageClientFactory(options);

        Assert.Empty(options.Validate());
        Assert.Equal(options.TableServiceUri, factory.CreateTableServiceClient().Uri);
        Assert.Equal(options.QueueServiceUri, factory.CreateQueueServiceClient().Uri);
    }

    [Fact]
    public void A_connection_string_is_used_as_it_is()
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" };

        Assert.Empty(options.Validate());
        Assert.Equal("devstoreaccount1", new StorageClientFactory(options).CreateTableServiceClient().AccountName);
    }

    [Fact]
    public void Missing_or_malformed_settings_are_named()
    {
        var errors = new StorageOptions { TablePrefix = "cf-test", QueueServiceUri = new Uri("http://queues.example.net/") }.Validate().ToList();

        Assert.Contains(errors, e => e.StartsWith("Storage: set Storage:ConnectionString, or Storage:AccountName", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Storage:TablePrefix 'cf-test' must be", StringComparison.Ordinal));
        Assert.Contains("Storage:QueueServiceUri must be an absolute https URI (http only for loopback emulators).", errors);
    }
}
