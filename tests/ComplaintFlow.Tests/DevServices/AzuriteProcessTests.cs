using Azure.Data.Tables;
using ComplaintFlow.Local.DevServices;

namespace ComplaintFlow.Tests.DevServices;

public sealed class AzuriteProcessTests(Fixtures.AzuriteFixture azurite)
{
    [Fact]
    public async Task Started_azurite_stores_and_returns_a_table_entity()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = azurite.TableService().GetTableClient(Fixtures.AzuriteFixture.UniqueName("smoke"));
        await table.CreateIfNotExistsAsync(ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "骑手态度恶劣 😡" }, ct);

        var read = await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct);

        Assert.Equal("骑手态度恶劣 😡", read.Value.GetString("Text"));
    }

    [Fact]
    public async Task Stopped_azurite_no_longer_listens()
    {
        var ct = TestContext.Current.CancellationToken;
        var own = await AzuriteProcess.StartAsync(cancellationToken: ct);
        var port = own.TablePort;
        await own.DisposeAsync();

        using var client = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync("127.0.0.1", port, ct).AsTask());
    }

    [Fact]
    public async Task The_storage_lines_the_host_prints_give_a_connection_string_that_reaches_its_queues()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var own = await AzuriteProcess.StartAsync(cancellationToken: ct);

        var printed = ComplaintFlow.Local.Hosting.LocalHostBanner.Storage(own, "complaints-inbound");

        Assert.Contains($"http://127.0.0.1:{own.QueuePort}/devstoreaccount1", printed, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{own.TablePort}/devstoreaccount1", printed, StringComparison.Ordinal);
        Assert.Contains("intake queue: complaints-inbound", printed, StringComparison.Ordinal);
        var connection = printed.Split('\n').Single(l => l.TrimStart().StartsWith("Connection string: ", StringComparison.Ordinal)).Trim()["Connection string: ".Length..];
        var queue = new Azure.Storage.Queues.QueueClient(connection, "printed-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateAsync(cancellationToken: ct);
        await queue.SendMessageAsync("hello", ct);
        Assert.Equal("hello", (await queue.ReceiveMessageAsync(cancellationToken: ct)).Value.MessageText);
    }

    [Fact]
    public async Task Restarted_azurite_answers_on_the_same_ports_with_the_data_it_had()
    {
        var ct = TestContext.Current.CancellationToken;
        var location = Path.Combine(Path.GetTempPath(), "complaintflow-restart-" + Guid.NewGuid().ToString("N"));
        var own = await AzuriteProcess.StartAsync(location, ct);
        try
        {
            var table = new TableServiceClient(own.ConnectionString).GetTableClient("restart");
            await table.CreateIfNotExistsAsync(ct);
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "before the outage" }, ct);
            var ports = (own.BlobPort, own.QueuePort, own.TablePort);

            await own.DisposeAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct));
            own = await own.RestartAsync(ct);

            Assert.Equal(ports, (own.BlobPort, own.QueuePort, own.TablePort));
            Assert.Equal("before the outage", (await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct)).Value.GetString("Text"));
        }
        finally
        {
            await own.DisposeAsync();
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task An_in_memory_azurite_cannot_be_restarted()
    {
        var ct = TestContext.Current.CancellationToken;
        var own = await AzuriteProcess.StartAsync(cancellationToken: ct);
        await own.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => own.RestartAsync(ct));
    }
}
