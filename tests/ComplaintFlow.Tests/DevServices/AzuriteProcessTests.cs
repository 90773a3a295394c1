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
}
