using System.Text.Json;
using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Local.Hosting;
using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Local.InMemory;

/// <summary>
/// The whole product without HTTP or storage: the real orchestrator, activities and policies on the durable
/// simulator, with every store in memory and time from the given <see cref="TimeProvider"/> (a fake one makes "three
/// days pass" take milliseconds). Configured like the local host in Development (its appsettings files, demo
/// roster), plus <c>settings</c>. For workflow tests at scale and for benchmarks.
/// </summary>
public sealed class InMemoryComplaintFlow : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InMemoryComplaintFlow(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<DurableSimulator>();
        Outbox = services.GetRequiredService<InMemoryOutbox>();
        Complaints = services.GetRequiredService<InMemoryComplaintStore>();
    }

    public IServiceProvider Services => _services;

    public DurableSimulator Runtime { get; }

    public DurableTaskClient Client => Runtime;

    public InMemoryOutbox Outbox { get; }

    public InMemoryComplaintStore Complaints { get; }

    /// <param name="time">Where all time comes from.</param>
    /// <param name="settings">Configuration on top of the local host's Development settings (e.g. <c>Sla:...</c>).</param>
    /// <param name="durableStore">The runtime's store; in memory unless given (e.g. a table store to test restarts).</param>
    /// <param name="loggerFactory">Logging; none unless given.</param>
    /// <param name="configureServices">Last say over the services, e.g. an email sender that fails.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    public static async Task<InMemoryComplaintFlow> StartAsync(
        TimeProvider time,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        IDurableStore? durableStore = null,
        ILoggerFactory? loggerFactory = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var configuration = BuildConfiguration(settings);

        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Development,
            ApplicationName = "ComplaintFlow.Local",
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddSingleton(time);
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddComplaintFlow(configuration);
        services.AddInMemoryPorts();
        services.AddSingleton(durableStore ?? new InMemoryDurableStore());
        services.AddDurableSimulator();
        configureServices?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            await provider.GetRequiredService<IAgentDirectory>().SeedAsync(provider.GetRequiredService<IOptions<List<AgentOptions>>>().Value, cancellationToken);
            var flow = new InMemoryComplaintFlow(provider);
            await flow.Runtime.StartAsync(cancellationToken);
            return flow;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The configuration the in-memory product runs with: the local host's Development settings (its appsettings files,
    /// demo roster), then <paramref name="settings"/>. Storage is never contacted, but set so its options validate as in any host.
    /// </summary>
    public static IConfiguration BuildConfiguration(IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddJsonFile("appsettings.Development.json", optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
                ["Links:BaseUrl"] = LocalHost.DefaultUrl,
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();

    /// <summary>Files a complaint as the webhook would (after validation) and returns its id.</summary>
    public async Task<string> SubmitAsync(ComplaintSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, WorkflowJson.Options);
        var outcome = await _services.GetRequiredService<ComplaintIntake>()
            .AcceptAsync(submission, new IntakeKey("in-memory", Guid.NewGuid().ToString("N")), RequestFingerprint.Of(body), cancellationToken);
        return outcome.Receipt?.ComplaintId ?? throw new InvalidOperationException($"The complaint was not accepted: {outcome.Kind}.");
    }

    /// <summary>The stored complaint.</summary>
    public async Task<Complaint> GetAsync(string complaintId, CancellationToken cancellationToken = default) =>
        (await Complaints.FindAsync(ComplaintId.Parse(complaintId), cancellationToken))?.Complaint
        ?? throw new InvalidOperationException($"There is no complaint {complaintId}.");

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
