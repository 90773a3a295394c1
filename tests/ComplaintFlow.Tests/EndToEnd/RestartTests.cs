using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>The durable part of "durable": a host stopped while complaints wait carries on when it starts again.</summary>
public sealed class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_host_restarted_while_the_complaint_waits_for_the_agent_carries_on_to_closed()
    {
        string prefix;
        string id;
        Uri decisionLink;
        await using (var first = await RunningHost.StartAsync(azurite))
        {
            prefix = first.TablePrefix;
            using var client = first.CreateClient();
            var driver = new HostDriver(first, client);
            using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-restart-" + Guid.NewGuid().ToString("N")[..8]));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
            decisionLink = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));
            await driver.WaitForStatusAsync(id, "Assigned");
        }

        // A new process over the same tables: the link in the email still works and the workflow picks up where it was.
        await using var second = await RunningHost.StartAsync(azurite, prefix);
        using var secondClient = second.CreateClient();
        var again = new HostDriver(second, secondClient);
        var link = new Uri(second.BaseAddress, decisionLink.PathAndQuery);
        var (_, resolved) = await again.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "重启后处理：已退款。", ["compensation"] = "refund" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        var outcome = await again.WaitForEmailAsync(id, EmailKind.Outcome, to: "lilei@example.com");
        var satisfied = HostDriver.ActionLinks(outcome).First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
        var (_, confirmed) = await again.SubmitFormAsync(new Uri(second.BaseAddress, satisfied.PathAndQuery), new Dictionary<string, string> { ["choice"] = "satisfied", ["rating"] = "5" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var closed = await again.WaitForStatusAsync(id, "Closed");
        Assert.Contains(closed.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "CustomerConfirmed");
        Assert.Single(await second.Outbox.ListAsync(50, null, id, TestContext.Current.CancellationToken), e => e.Message.Kind == EmailKind.Acknowledgement);
    }

    [Fact]
    public async Task A_complaint_accepted_just_before_the_host_stopped_is_recorded_when_it_starts_again()
    {
        string prefix;
        string id;
        var body = HostDriver.ComplaintJson("fb-crash-" + Guid.NewGuid().ToString("N")[..8]);
        var webhookId = "msg_crash_" + Guid.NewGuid().ToString("N");

        // The 202 went out, then the process stopped before the complaint was recorded.
        await using (var first = await RunningHost.StartAsync(azurite, s => s.AddSingleton<IDeliveryHandoff, StoppedBeforeRecording>()))
        {
            prefix = first.TablePrefix;
            using var client = first.CreateClient();
            using var accepted = await new HostDriver(first, client).PostSignedAsync(body, webhookId);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        }

        await using var second = await RunningHost.StartAsync(azurite, prefix);
        using var secondClient = second.CreateClient();
        var again = new HostDriver(second, secondClient);

        await again.WaitForStatusAsync(id, "Assigned");
        await again.WaitForEmailAsync(id, EmailKind.Acknowledgement);
        using var repeat = await again.PostSignedAsync(body, webhookId);
        Assert.Equal(id, (await repeat.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString());
    }

    private sealed class StoppedBeforeRecording : IDeliveryHandoff
    {
        public ValueTask HandOffAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public AcceptedDelivery? FindWaiting(ComplaintId complaintId) => null;
    }
}
