namespace ComplaintFlow.Tests.Fixtures;

/// <summary>One running local host shared by the tests of a class (each test uses its own complaints and keys).</summary>
public sealed class HostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host is not running.");

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync(azurite, null, "--IntakeQueue:MaxDequeueCount=2");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
