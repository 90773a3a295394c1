using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.DevServices;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

[assembly: AssemblyFixture(typeof(ComplaintFlow.Functions.Tests.AzuriteForFunctions))]

namespace ComplaintFlow.Functions.Tests;

/// <summary>One in-memory Azurite for this assembly, stopped at the end.</summary>
public sealed class AzuriteForFunctions : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async ValueTask InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(location: null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>
/// The Functions app's services as <c>Program.cs</c> builds them (<see cref="FunctionsServices.AddComplaintFlowFunctions"/>),
/// on Azurite with tables of its own, and a mocked <see cref="DurableTaskClient"/> for the functions' <c>[DurableClient]</c>.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_UidMOTHkrEOux8DfvV5YjtZ61Srx+PVlvKrJei7dSQ4=";

    public const string OpsKey = "ops-key-for-function-tests";

    private FunctionsApp(ServiceProvider services, Mock<DurableTaskClient> client)
    {
        Services = services;
        Client = client;
    }

    public ServiceProvider Services { get; }

    /// <summary>What the functions get as their Durable client; by default no instance exists and starts succeed.</summary>
    public Mock<DurableTaskClient> Client { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static Task<FunctionsApp> StartAsync(AzuriteForFunctions azurite, params (string Key, string Value)[] settings) => StartAsync(azurite.ConnectionString, settings);

    /// <summary>The app on the storage of <paramref name="connectionString"/>, e.g. an Azurite of the test's own that it stops.</summary>
    public static async Task<FunctionsApp> StartAsync(string connectionString, params (string Key, string Value)[] settings)
    {
        var prefix = "f" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["IntakeQueue:QueueName"] = prefix + "-in",
            ["IntakeQueue:PoisonQueueName"] = prefix + "-in-poison",
            ["Webhook:Secrets:0"] = WebhookSecret,
            ["Links:Keys:0"] = "o3UDgHq8tqFkRuJeFpMjvMk1eTOlWis0k+Panb2RKC8=",
            ["Links:BaseUrl"] = "https://complaints.example",
            ["Email:Transport"] = "Outbox",
            ["Email:From"] = "complaints@complaintflow.example",
            ["Ops:Key"] = OpsKey,
        }).AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "ComplaintFlow.Functions" });
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddComplaintFlowFunctions(configuration);
        services.AddTransient<HttpFunctions>();
        services.AddTransient<IntakeFunctions>();
        services.AddTransient<WorkflowFunctions>();

        var client = new Mock<DurableTaskClient>("mock");
        client.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o!.InstanceId!);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        return new FunctionsApp(provider, client);
    }

    /// <summary>A request as the Functions host hands it over, its services the app's.</summary>
    public DefaultHttpContext Request(string method, string path, byte[]? body = null, string? contentType = null)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Method = method;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("complaints.example");
        http.Request.Path = path;
        if (body is not null)
        {
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
            http.Request.ContentType = contentType;
        }

        http.Response.Body = new MemoryStream();
        return http;
    }

    /// <summary>A complaint webhook request, signed with the configured secret unless <paramref name="signature"/> says otherwise.</summary>
    public DefaultHttpContext SignedComplaint(string json, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var http = Request("POST", "/api/complaints", body, "application/json");
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        http.Request.Headers[WebhookHeaders.Id] = id;
        http.Request.Headers[WebhookHeaders.Timestamp] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        http.Request.Headers[WebhookHeaders.Signature] = signature ?? new WebhookSigner(WebhookSecret).Sign(id, now, body);
        return http;
    }

    public static string Complaint(string externalId) => $$"""
        {"externalId":"{{externalId}}","channel":"app-feedback","customer":{"id":"u-{{externalId}}","name":"Li Lei","email":"lilei@example.com"},
         "subject":"Rider was rude","description":"Order 123 arrived two hours late and the rider shouted at me.","orderId":"123","locale":"en-US"}
        """;

    public static string ResponseText(HttpContext http)
    {
        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body, leaveOpen: true);
        return reader.ReadToEnd();
    }

    public static T Json<T>(HttpContext http) => System.Text.Json.JsonSerializer.Deserialize<T>(ResponseText(http), WorkflowJson.Options)!;

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
