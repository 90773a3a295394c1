using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Local.Hosting;
using ComplaintFlow.Local.InMemory;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// The product on the Durable Task SDK's own in-memory backend (<see cref="DurableTaskTestHost"/>: its gRPC sidecar
/// over DTFx's in-memory orchestration service, the SDK's worker and client) with the real clock; every product store
/// in memory, as on the simulator, so only the Durable runtime differs.
/// </summary>
public sealed class TestHostRuntime : ConformanceRuntime
{
    private readonly DurableTaskTestHost _host;

    private TestHostRuntime(DurableTaskTestHost host, CancellationToken stopping)
        : base(Runtime.TestHost, stopping) => _host = host;

    public override IServiceProvider Services => _host.Services;

    public static async Task<TestHostRuntime> StartAsync(ScenarioTiming timing, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var configuration = InMemoryComplaintFlow.BuildConfiguration(timing.Settings());
        var json = new JsonDataConverter(WorkflowJson.Options);
        var host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddComplaintWorkflow(),
            new DurableTaskTestHostOptions
            {
                // Its own pick would be a random port that may be taken.
                Port = LoopbackPort.Free(),
                ConfigureServices = services =>
                {
                    // As the local host runs in Development: its demo roster, its development secrets.
                    services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "ComplaintFlow.Local", ContentRootPath = AppContext.BaseDirectory });
                    services.AddComplaintFlow(configuration);
                    services.AddInMemoryPorts();

                    // The JSON the local host's worker and client use.
                    services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = json);
                    services.Configure<DurableTaskClientOptions>(o => o.DataConverter = json);
                },
            },
            stopping);
        try
        {
            await host.Services.GetRequiredService<IAgentDirectory>().SeedAsync(host.Services.GetRequiredService<IOptions<List<AgentOptions>>>().Value, stopping);
            return new TestHostRuntime(host, stopping);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public override Task<bool> PassUntilAsync(Func<Task<bool>> condition, TimeSpan patience) => PollAsync(condition, patience);

    public override ValueTask DisposeAsync() => _host.DisposeAsync();
}
