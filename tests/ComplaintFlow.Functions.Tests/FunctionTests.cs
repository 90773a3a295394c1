using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Queues;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace ComplaintFlow.Functions.Tests;

/// <summary>The functions as the Functions host calls them, on the shared services, with a mocked Durable client.</summary>
public sealed partial class FunctionTests(AzuriteForFunctions azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Intake_with_a_bad_signature_answers_401_naming_the_header_and_starts_nothing()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var http = app.SignedComplaint(FunctionsApp.Complaint("bad-sig-1"), signature: "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        await app.Get<HttpFunctions>().Submit(http.Request, app.Client.Object, Ct);

        Assert.Equal(401, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("webhook-signature", FunctionsApp.ResponseText(http), StringComparison.Ordinal);
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_signed_complaint_is_recorded_before_the_202_and_starts_its_orchestration_as_its_id()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var http = app.SignedComplaint(FunctionsApp.Complaint("signed-1"));

        await app.Get<HttpFunctions>().Submit(http.Request, app.Client.Object, Ct);

        Assert.Equal(202, http.Response.StatusCode);
        var id = ComplaintIdOf(FunctionsApp.ResponseText(http));
        Assert.NotNull(await app.Get<IComplaintStore>().FindAsync(ComplaintId.Parse(id), Ct));
        VerifyStarted(app, id, Times.Once());
    }

    [Fact]
    public async Task A_queue_message_starts_its_complaint_and_the_same_message_again_starts_nothing_new()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var message = QueuesModelFactory.QueueMessage("m-" + Guid.NewGuid().ToString("N"), "pop", FunctionsApp.Complaint("queued-1"), dequeueCount: 1);
        var functions = app.Get<IntakeFunctions>();

        await functions.Receive(message, app.Client.Object, Ct);
        var started = StartedIds(app);
        Assert.Single(started);
        Assert.NotNull(await app.Get<IComplaintStore>().FindAsync(ComplaintId.Parse(started[0]), Ct));

        await functions.Receive(message, app.Client.Object, Ct);
        Assert.Single(StartedIds(app));
    }

    [Fact]
    public async Task An_instance_id_that_exists_is_not_started_again()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        app.Client.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => new OrchestrationMetadata(WorkflowNames.ComplaintOrchestrator, id) { RuntimeStatus = OrchestrationRuntimeStatus.Completed });
        var http = app.SignedComplaint(FunctionsApp.Complaint("exists-1"));

        await app.Get<HttpFunctions>().Submit(http.Request, app.Client.Object, Ct);

        Assert.Equal(202, http.Response.StatusCode);
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_queue_message_that_is_not_a_complaint_is_retried_then_poisoned_with_the_reason_on_its_last_try()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var options = app.Get<IntakeQueueOptions>();
        var functions = app.Get<IntakeFunctions>();
        var first = QueuesModelFactory.QueueMessage("m-bad", "pop", """{"channel":"app-feedback"}""", dequeueCount: 1);
        var last = QueuesModelFactory.QueueMessage("m-bad", "pop", """{"channel":"app-feedback"}""", dequeueCount: options.MaxDequeueCount);

        await Assert.ThrowsAsync<InvalidOperationException>(() => functions.Receive(first, app.Client.Object, Ct));
        await functions.Receive(last, app.Client.Object, Ct); // returns: the runtime deletes it

        var poisoned = await app.Get<QueueServiceClient>().GetQueueClient(options.PoisonQueueName).ReceiveMessageAsync(cancellationToken: Ct);
        Assert.Contains("customer", poisoned.Value.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("{\\u0022channel\\u0022", poisoned.Value.Body.ToString(), StringComparison.Ordinal);
        Assert.Empty(StartedIds(app));
    }

    [Fact]
    public async Task An_agent_decision_posted_twice_through_its_link_raises_the_event_once()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var intake = app.SignedComplaint(FunctionsApp.Complaint("link-1"));
        await app.Get<HttpFunctions>().Submit(intake.Request, app.Client.Object, Ct);
        var id = ComplaintIdOf(FunctionsApp.ResponseText(intake));
        var complaint = await AssignAsync(app, id, "wang.fang");
        var token = app.Get<ActionTokenService>().Issue(id, ActionPurpose.AgentDecision, "wang.fang", LinkGeneration.ForAssignment(complaint));
        var functions = app.Get<HttpFunctions>();

        var page = app.Request("GET", "/api/actions/" + token);
        await functions.ShowAction(page.Request, token, Ct);
        Assert.Equal(200, page.Response.StatusCode);
        var cookie = page.Response.Headers.SetCookie.ToString().Split(';')[0];
        var csrf = CsrfField().Match(FunctionsApp.ResponseText(page)).Groups[1].Value;
        Assert.NotEmpty(csrf);

        var statuses = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var form = Encoding.UTF8.GetBytes($"csrf={WebUtility.UrlEncode(csrf)}&choice=resolve&text={WebUtility.UrlEncode("Refunded the delivery fee.")}");
            var post = app.Request("POST", "/api/actions/" + token, form, "application/x-www-form-urlencoded");
            post.Request.Headers.Cookie = cookie;
            await functions.TakeAction(post.Request, token, app.Client.Object, Ct);
            statuses.Add(post.Response.StatusCode);
        }

        Assert.Equal([200, 409], statuses);
        app.Client.Verify(c => c.RaiseEventAsync(id, WorkflowNames.Events.AgentDecision, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static async Task<Complaint> AssignAsync(FunctionsApp app, string id, string agent)
    {
        var store = app.Get<IComplaintStore>();
        var found = (await store.FindAsync(ComplaintId.Parse(id), Ct))!;
        var complaint = found.Complaint;
        var now = DateTimeOffset.UtcNow;
        complaint.BeginVerification(now);
        complaint.Classify(Category.Delivery, Severity.High, "test", now);
        complaint.Assign("delivery", agent, now.AddHours(4), now.AddDays(3), now);
        await store.SaveAsync(complaint, found.Version, Ct);
        return complaint;
    }

    private static void VerifyStarted(FunctionsApp app, string id, Times times) =>
        app.Client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.Is<TaskName>(n => n.Name == WorkflowNames.ComplaintOrchestrator), It.IsAny<object?>(), It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == id), It.IsAny<CancellationToken>()),
            times);

    [Fact]
    public async Task Erasing_a_customer_stops_and_purges_their_running_orchestration_and_closes_the_complaint_as_erased()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var id = await SubmitRunningAsync(app, "erase-1");
        var erase = app.Request("POST", "/api/customers/u-erase-1/erase", Encoding.UTF8.GetBytes("""{"requestedBy":"ops-wang"}"""), "application/json");

        await app.Get<HttpFunctions>().Erase(erase.Request, "u-erase-1", app.Client.Object, Ct);

        Assert.Equal(200, erase.Response.StatusCode);
        Assert.Contains(id, FunctionsApp.ResponseText(erase), StringComparison.Ordinal);
        app.Client.Verify(c => c.TerminateInstanceAsync(id, It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once());
        app.Client.Verify(c => c.PurgeInstanceAsync(id, It.IsAny<PurgeInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once());
        var complaint = (await app.Get<IComplaintStore>().FindAsync(ComplaintId.Parse(id), Ct))!.Complaint;
        Assert.Equal(ComplaintOutcome.Erased, complaint.Outcome);
        Assert.Null(complaint.Customer.Email);
        Assert.Equal("ops-wang", complaint.ErasedBy);
    }

    [Fact]
    public async Task An_erasure_whose_workflow_does_not_stop_answers_503_to_ask_again_and_erases_nothing()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, ("Privacy:WorkflowStopTimeout", "00:00:01"));
        var id = await SubmitRunningAsync(app, "erase-stuck");
        app.Client.Setup(c => c.WaitForInstanceCompletionAsync(id, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, bool _, CancellationToken token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return null!;
            });
        var erase = app.Request("POST", "/api/customers/u-erase-stuck/erase", Encoding.UTF8.GetBytes("""{"requestedBy":"ops-wang"}"""), "application/json");

        await app.Get<HttpFunctions>().Erase(erase.Request, "u-erase-stuck", app.Client.Object, Ct);

        Assert.Equal(503, erase.Response.StatusCode);
        Assert.Equal("30", erase.Response.Headers.RetryAfter.ToString());
        Assert.Contains("Ask again", FunctionsApp.ResponseText(erase), StringComparison.Ordinal);
        var complaint = (await app.Get<IComplaintStore>().FindAsync(ComplaintId.Parse(id), Ct))!.Complaint;
        Assert.Null(complaint.ErasedAt);
        Assert.Equal("lilei@example.com", complaint.Customer.Email);
    }

    /// <summary>Files a complaint through the webhook function; its orchestration then reads as running.</summary>
    private static async Task<string> SubmitRunningAsync(FunctionsApp app, string externalId)
    {
        var intake = app.SignedComplaint(FunctionsApp.Complaint(externalId));
        await app.Get<HttpFunctions>().Submit(intake.Request, app.Client.Object, Ct);
        var id = ComplaintIdOf(FunctionsApp.ResponseText(intake));
        app.Client.Setup(c => c.GetInstancesAsync(id, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.ComplaintOrchestrator, id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        return id;
    }

    private static List<string> StartedIds(FunctionsApp app) =>
        app.Client.Invocations.Where(i => i.Method.Name == nameof(DurableTaskClient.ScheduleNewOrchestrationInstanceAsync) && i.Arguments.Count == 4)
            .Select(i => ((StartOrchestrationOptions)i.Arguments[2]!).InstanceId!).ToList();

    private static string ComplaintIdOf(string receipt) => ComplaintIdJson().Match(receipt).Groups[1].Value;

    [GeneratedRegex("\"complaintId\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex ComplaintIdJson();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
