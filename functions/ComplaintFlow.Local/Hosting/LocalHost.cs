using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Local.Engine;
using ComplaintFlow.Local.Pages;
using ComplaintFlow.Local.Queues;
using ComplaintFlow.Local.Security;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Local.Hosting;

/// <summary>
/// The local host: the shared HTTP contract, the real Durable engine (the Durable Task Framework's Azure Storage
/// provider, reached through the SDK's gRPC worker and client), the intake queue poller and the outbox pages over
/// Table Storage — a real Azurite started here unless <c>Storage:ConnectionString</c> (or an account) is set.
/// </summary>
public static class LocalHost
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// <c>false</c> makes an intake-only host: it accepts and records complaints and schedules their workflows in
    /// storage, and a host with the default (<c>true</c>) over the same storage runs them.
    /// </summary>
    public const string RunWorkflowsSetting = "DurableTask:RunWorkflows";

    /// <param name="args">Command-line arguments (<c>--urls</c> and any <c>--Section:Key=value</c> work as in any ASP.NET Core app).</param>
    /// <param name="configureServices">Lets tests replace services, e.g. the <see cref="TimeProvider"/>.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    public static async Task<LocalHostApp> BuildAsync(string[] args, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        // Settings files sit next to the binaries, so the host reads them whatever directory it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var azurite = await StartAzuriteIfNeededAsync(builder, cancellationToken);
        try
        {
            var url = (builder.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            builder.WebHost.UseUrls(url);
            if (string.IsNullOrWhiteSpace(builder.Configuration[$"{LinksOptions.SectionName}:BaseUrl"]))
            {
                builder.Configuration[$"{LinksOptions.SectionName}:BaseUrl"] = url.Replace("://*", "://localhost", StringComparison.Ordinal)
                    .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
            }

            builder.Services.AddComplaintFlow(builder.Configuration);
            builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
            builder.Services.AddSingleton<IValidateOptions<ApiOptions>>(new OptionsValidator<ApiOptions>(o => o.Validate()));
            builder.Services.AddSingleton<IValidateOptions<ApiOptions>, DevelopmentApiKeyValidator>();
            builder.Services.AddSingleton<ApiKeyFilter>();
            builder.Services.AddOptions<OpsOptions>().PostConfigure<IOptions<ApiOptions>>((ops, api) => ops.Key = api.Value.Key); // the ops pages' key is the API key
            builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
            builder.Services.AddLocalDurableEngine(builder.Configuration, runWorkflows: builder.Configuration.GetValue(RunWorkflowsSetting, defaultValue: true));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryPump>());
            builder.Services.AddHostedService<QueueIntakeWorker>();
            builder.Services.AddHostedService<RetentionSweepService>();
            configureServices?.Invoke(builder.Services);

            var app = builder.Build();
            app.UseStatusCodePages(ApiStatusCodePages.WriteAsync);
            app.Use(StorageOutage.MiddlewareAsync);
            app.MapComplaintFlowApi().AddEndpointFilter<ApiKeyFilter>();
            app.MapLocalPages();
            return new LocalHostApp(app, azurite);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task<AzuriteProcess?> StartAzuriteIfNeededAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section);
        if (!string.IsNullOrWhiteSpace(storage["ConnectionString"]) || !string.IsNullOrWhiteSpace(storage["AccountName"]) || !string.IsNullOrWhiteSpace(storage["TableServiceUri"]))
        {
            return null;
        }

        // Data lives in the repository's .azurite folder, so complaints survive a restart of the host.
        var location = builder.Configuration["Azurite:Location"] ?? Path.Combine(NodeTools.FindRepositoryRoot(), ".azurite");
        await Console.Out.WriteLineAsync($"Starting Azurite (local Azure Storage) over {location}...");
        var azurite = await AzuriteProcess.StartOrReuseAsync(location, cancellationToken);
        await Console.Out.WriteLineAsync(azurite.Reused ? "Reusing the Azurite already running over that folder." : "Azurite is up; starting the host and the Durable engine...");
        builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] = azurite.ConnectionString;
        return azurite;
    }
}
