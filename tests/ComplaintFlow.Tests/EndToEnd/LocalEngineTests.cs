using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Local.Engine;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>The local host's engine: the Azure Storage provider's task hub, laid out as Durable Functions lays it out in Azure.</summary>
public sealed class LocalEngineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_task_hub_has_the_Durable_Functions_layout_and_runs_the_complaint()
    {
        var hub = AzuriteFixture.UniqueName("hub");
        await using var host = await RunningHost.StartAsync(azurite, null, $"--DurableTask:HubName={hub}", "--DurableTask:PartitionCount=2");
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);

        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-engine-" + Guid.NewGuid().ToString("N")[..8]));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        await driver.WaitForStatusAsync(id, "Assigned");

        var tables = new List<string>();
        await foreach (var table in azurite.TableService().QueryAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            tables.Add(table.Name);
        }

        var queues = new List<string>();
        await foreach (var queue in azurite.QueueService().GetQueuesAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            queues.Add(queue.Name);
        }

        Assert.Contains($"{hub}Instances", tables);
        Assert.Contains($"{hub}History", tables);
        var lower = hub.ToLowerInvariant();
        Assert.Equal([$"{lower}-control-00", $"{lower}-control-01"], queues.Where(q => q.StartsWith(lower + "-control-", StringComparison.Ordinal)).Order());
        Assert.Contains($"{lower}-workitems", queues);

        // The complaint is an instance of that hub, read through the SDK's own gRPC client.
        var instance = await host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);
        Assert.NotNull(instance);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
        Assert.Equal(id, instance.ReadInputAs<JsonElement>().GetProperty("complaintId").GetString());
    }

    [Fact]
    public async Task The_engine_listens_on_loopback_only_and_not_on_the_hosts_own_url()
    {
        await using var host = await RunningHost.StartAsync(azurite);
        var sidecar = host.Services.GetRequiredService<TaskHubSidecar>();

        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(sidecar.Address.Host)));
        Assert.NotEqual(host.BaseAddress.Port, sidecar.Port);

        // The same gRPC method: served on the sidecar's port, unknown on the URL people reach.
        var method = $"/{Microsoft.DurableTask.Protobuf.TaskHubSidecarService.Descriptor.FullName}/StartInstance";
        using var client = new HttpClient();
        Assert.NotEqual(HttpStatusCode.NotFound, await ProbeAsync(client, new Uri(sidecar.Address, method), HttpVersion.Version20));
        Assert.Equal(HttpStatusCode.NotFound, await ProbeAsync(client, new Uri(host.BaseAddress, method), HttpVersion.Version11));
    }

    private static async Task<HttpStatusCode> ProbeAsync(HttpClient client, Uri uri, Version version)
    {
        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = empty, Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
