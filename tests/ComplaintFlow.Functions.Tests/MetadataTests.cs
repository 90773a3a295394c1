using System.Reflection;
using System.Text.Json.Nodes;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Infrastructure.Queues;
using ComplaintFlow.Local.Engine;
using ComplaintFlow.Local.Hosting;
using Microsoft.AspNetCore.Routing;

namespace ComplaintFlow.Functions.Tests;

/// <summary>What the Functions host will read: the built <c>functions.metadata</c>, <c>extensions.json</c> and <c>host.json</c>.</summary>
public sealed class MetadataTests
{
    private static readonly string Output = FunctionsOutput();

    private static JsonArray Functions => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray();

    private static JsonNode Host => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "host.json")))!;

    [Fact]
    public void Every_orchestrator_and_activity_in_WorkflowNames_has_exactly_one_function_with_its_trigger_and_no_other_exists()
    {
        var expected = new List<(string Name, string Trigger)> { (WorkflowNames.ComplaintOrchestrator, "orchestrationTrigger") };
        expected.AddRange(typeof(WorkflowNames.Activities).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((string)f.GetRawConstantValue()!, "activityTrigger")));

        var durable = Functions.Select(f => (Name: (string)f!["name"]!, Trigger: TriggerOf(f!)))
            .Where(f => f.Trigger is "orchestrationTrigger" or "activityTrigger").ToList();

        Assert.Equal(18, expected.Count); // the orchestrator and 17 activities: a new name needs its function
        Assert.Equal(expected.OrderBy(e => e.Name, StringComparer.Ordinal), durable.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_http_functions_serve_the_local_hosts_routes_and_methods_and_only_those()
    {
        // No route prefix: the API is under api/ and the ops pages (/dashboard, /signin, ...) at the root, as on the local host.
        var prefix = (string?)Host["extensions"]?["http"]?["routePrefix"] ?? "api";
        Assert.Equal(string.Empty, prefix);
        var functions = Functions.Where(f => TriggerOf(f!) == "httpTrigger")
            .SelectMany(f => Trigger(f!)["methods"]!.AsArray().Select(m => $"{((string)m!).ToUpperInvariant()} /{(string)Trigger(f!)["route"]!}"))
            .Order(StringComparer.Ordinal).ToList();

        await using var local = await LocalHost.BuildAsync(["--Storage:ConnectionString=UseDevelopmentStorage=true"], cancellationToken: TestContext.Current.CancellationToken);
        var routes = ((IEndpointRouteBuilder)local.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => !LocalOnly.Any(p => e.RoutePattern.RawText == p || e.RoutePattern.RawText!.StartsWith(p + "/", StringComparison.Ordinal)))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Contains("POST /api/complaints", routes);
        Assert.Contains("GET /signin", routes);
        Assert.Equal(routes, functions);
    }

    [Fact]
    public void Keyed_routes_need_a_function_key_and_the_webhook_links_and_health_are_anonymous()
    {
        var levels = Functions.Where(f => TriggerOf(f!) == "httpTrigger").ToDictionary(f => (string)f!["name"]!, f => (string)Trigger(f!)["authLevel"]!);

        Assert.Equal("Anonymous", levels["SubmitComplaint"]);
        Assert.Equal("Anonymous", levels["ShowAction"]);
        Assert.Equal("Anonymous", levels["TakeAction"]);
        Assert.Equal("Anonymous", levels["Health"]);
        Assert.All(["GetComplaint", "ListComplaints", "LiftRestriction"], name => Assert.Equal("Function", levels[name]));
        Assert.All(levels.Keys.Where(n => n.StartsWith("Ops", StringComparison.Ordinal)), name => Assert.Equal("Anonymous", levels[name])); // their cookie is checked by the page
    }

    [Fact]
    public void The_queue_trigger_and_host_json_match_the_intake_queue_settings_both_hosts_use()
    {
        var defaults = new IntakeQueueOptions();
        var queue = Functions.Single(f => TriggerOf(f!) == "queueTrigger");
        var queues = Host["extensions"]!["queues"]!;

        Assert.Equal(defaults.QueueName, (string)Trigger(queue!)["queueName"]!);
        Assert.Equal(defaults.MaxDequeueCount, (int)queues["maxDequeueCount"]!);
        Assert.Equal(defaults.VisibilityTimeout, TimeSpan.Parse((string)queues["visibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("none", (string)queues["messageEncoding"]!); // plain and base64 messages are both decoded by the processor
    }

    [Fact]
    public void The_task_hub_is_the_local_engines_and_inputs_and_outputs_stay_out_of_traces()
    {
        var durable = Host["extensions"]!["durableTask"]!;

        Assert.Equal(new DurableEngineOptions().HubName, (string)durable["hubName"]!);
        Assert.Equal(new DurableEngineOptions().PartitionCount, (int)durable["storageProvider"]!["partitionCount"]!);
        Assert.False((bool)durable["tracing"]!["traceInputsAndOutputs"]!);
    }

    [Fact]
    public void Extensions_json_names_the_durable_task_and_storage_queue_extensions()
    {
        var names = JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "extensions.json")))!["extensions"]!.AsArray().Select(e => (string)e!["name"]!).ToList();

        Assert.Contains("DurableTask", names);
        Assert.Contains("AzureStorageQueues", names);
    }

    [Fact]
    public void The_functions_layer_stays_mechanical_under_400_lines()
    {
        var lines = Directory.GetFiles(Path.Combine(RepositoryRoot(), "functions", "ComplaintFlow.Functions"), "*.cs")
            .Sum(f => File.ReadAllLines(f).Length);

        Assert.InRange(lines, 1, 399);
    }

    /// <summary>The local host's own pages (the outbox, the emails' status pages and its start page), which Azure does not have.</summary>
    private static readonly string[] LocalOnly = ["/", "/outbox", "/status"];

    private static JsonNode Trigger(JsonNode function) => function["bindings"]!.AsArray().Single(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;

    private static string TriggerOf(JsonNode function) => (string)Trigger(function)["type"]!;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ComplaintFlow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ComplaintFlow.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The Functions project's own build output, of the configuration these tests were built in.</summary>
    private static string FunctionsOutput()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Configuration}/net10.0/
        var output = Path.Combine(RepositoryRoot(), "functions", "ComplaintFlow.Functions", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(output, "functions.metadata")) ? output : throw new InvalidOperationException("Build the Functions app first: no functions.metadata in " + output);
    }
}
