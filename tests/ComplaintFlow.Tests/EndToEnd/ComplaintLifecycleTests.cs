using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Queues;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>The main job, end to end on the real local host and Azurite: file, read the emails, click, close.</summary>
public sealed class ComplaintLifecycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Signed_webhook_complaint_is_resolved_through_emailed_links_and_closed_with_its_timeline()
    {
        await using var host = await RunningHost.StartAsync(azurite);
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);

        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-e2e-1"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var receipt = await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var id = receipt.GetProperty("complaintId").GetString()!;
        Assert.Equal($"/api/complaints/{id}", accepted.Headers.Location?.OriginalString);
        Assert.Equal($"/api/complaints/{id}", receipt.GetProperty("statusUrl").GetString());
        Assert.True(receipt.GetProperty("firstResponseDue").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var acknowledgement = await driver.WaitForEmailAsync(id, EmailKind.Acknowledgement, to: "lilei@example.com");
        Assert.Contains(id, acknowledgement.TextBody, StringComparison.Ordinal);
        var assignment = await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        var decisionLink = Assert.Single(HostDriver.ActionLinks(assignment));

        // A mail scanner (or the agent) opening the link changes nothing.
        using (var scan = await client.GetAsync(decisionLink, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
            Assert.Contains("骑手态度恶劣", await scan.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var assigned = await driver.WaitForStatusAsync(id, "Assigned");
        Assert.Equal("ServiceAttitude", assigned.GetProperty("category").GetString()); // 骑手态度恶劣: the rider's attitude

        var decision = new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "已为您全额退款，并对骑手进行了处理。", ["compensation"] = "refund" };
        var (_, resolved) = await driver.SubmitFormAsync(decisionLink, decision);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        // The same form posted again changes nothing and says what was recorded.
        var (_, again) = await driver.SubmitFormAsync(decisionLink, decision);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var outcome = await driver.WaitForEmailAsync(id, EmailKind.Outcome, to: "lilei@example.com");
        Assert.Contains("已为您全额退款", outcome.TextBody, StringComparison.Ordinal);
        var satisfied = HostDriver.ActionLinks(outcome).First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
        var (_, confirmed) = await driver.SubmitFormAsync(satisfied, new Dictionary<string, string> { ["choice"] = "satisfied", ["rating"] = "5", ["comment"] = "谢谢" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var closed = await driver.WaitForStatusAsync(id, "Closed");
        Assert.Equal("Resolved", closed.GetProperty("outcome").GetString());
        var timeline = closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(
            ["Received", "VerificationStarted", "Classified", "Assigned", "Acknowledged", "AgentNotified", "OutcomeProposed", "CustomerConfirmed", "Closed"],
            timeline.Where(k => k != "Note").ToList());
        await driver.WaitForEmailAsync(id, EmailKind.Closure, to: "lilei@example.com");

        var instance = await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(id, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
    }

    [Fact]
    public async Task Queue_message_complaint_runs_the_same_lifecycle()
    {
        await using var host = await RunningHost.StartAsync(azurite);
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);
        var queue = host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(host.Services.GetRequiredService<IntakeQueueOptions>().QueueName);
        await queue.SendMessageAsync(HostDriver.ComplaintJson("fb-queue-1"), TestContext.Current.CancellationToken);

        var assignment = await WaitForAnyEmailAsync(host, EmailKind.AgentAssignment);
        var id = assignment.ComplaintId!;
        var (_, resolved) = await driver.SubmitFormAsync(
            Assert.Single(HostDriver.ActionLinks(assignment)),
            new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "We refunded the order.", ["compensation"] = "refund" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        var outcome = await driver.WaitForEmailAsync(id, EmailKind.Outcome);
        var satisfied = HostDriver.ActionLinks(outcome).First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
        await driver.SubmitFormAsync(satisfied, new Dictionary<string, string> { ["choice"] = "satisfied", ["rating"] = "4" });

        var closed = await driver.WaitForStatusAsync(id, "Closed");
        Assert.Equal("fb-queue-1", closed.GetProperty("externalId").GetString());
        Assert.Equal("Resolved", closed.GetProperty("outcome").GetString());
    }

    private static async Task<EmailMessage> WaitForAnyEmailAsync(RunningHost host, EmailKind kind)
    {
        for (var i = 0; i < 300; i++)
        {
            var sent = await host.Outbox.ListAsync(50, null, null, TestContext.Current.CancellationToken);
            if (sent.FirstOrDefault(e => e.Message.Kind == kind) is { } entry)
            {
                return entry.Message;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"No {kind} email arrived.");
        return null!;
    }
}
