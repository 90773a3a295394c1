using Azure.Data.Tables;
using Azure.Storage.Queues;
using ComplaintFlow.Local.DevServices;

[assembly: AssemblyFixture(typeof(ComplaintFlow.Tests.Fixtures.AzuriteFixture))]

namespace ComplaintFlow.Tests.Fixtures;

/// <summary>
/// One real Azurite for the whole test run, started on free loopback ports and stopped at the end.
/// Tests keep out of each other's way by using their own table and queue names (<see cref="UniqueName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private string? _location;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    /// <summary>A name no other test uses: letters and digits only, valid for tables and (lower-cased) queues.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public TableServiceClient TableService() => new(ConnectionString);

    public QueueServiceClient QueueService() => new(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        _location = Path.Combine(Path.GetTempPath(), "complaintflow-azurite-" + Guid.NewGuid().ToString("N"));
        _azurite = await AzuriteProcess.StartAsync(_location, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }
}
