using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Links;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// Everything a sender, an agent or a customer can do twice at once, on the real engine: a webhook delivered fifty
/// times in the same instant starts one complaint; a decision form and a confirmation form each posted twice at
/// once record one decision and one confirmation, and the loser is told what was recorded; two different links for
/// one decision posted at once record the first, and the other agent is told what was decided, by whom and when; an
/// event raised before the workflow waits for it is kept until it does.
/// </summary>
public sealed class ConcurrencyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Fifty_simultaneous_posts_with_one_webhook_id_make_one_complaint()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        var externalId = "fb-fifty-" + Guid.NewGuid().ToString("N")[..8];
        var body = HostDriver.ComplaintJson(externalId);
        var webhookId = "msg_fifty_" + Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => driver.PostSignedAsync(body, webhookId)));
        var ids = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("complaintId").GetString()!);
            }
        }

        var id = Assert.Single(ids.Distinct());
        await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        Assert.Single(await ListedWithExternalIdAsync(client, externalId));
        Assert.Single(await Host.Outbox.ListAsync(200, null, id, ct), e => e.Message.Kind == EmailKind.Acknowledgement);
    }

    [Fact]
    public async Task A_decision_and_a_confirmation_each_posted_twice_at_once_are_recorded_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-twice-" + Guid.NewGuid().ToString("N")[..8]));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("complaintId").GetString()!;
        var decisionLink = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));
        await driver.WaitForStatusAsync(id, "Assigned");

        var decided = await PostTwiceAtOnceAsync(client, decisionLink, new() { ["choice"] = "resolve", ["text"] = "Refunded in full.", ["compensation"] = "refund" });
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decided.Select(r => r.Status).Order());
        Assert.Contains("已解决：Refunded in full", decided.Single(r => r.Status == HttpStatusCode.Conflict).Page, StringComparison.Ordinal);

        var outcome = await driver.WaitForEmailAsync(id, EmailKind.Outcome, to: "lilei@example.com");
        var satisfied = HostDriver.ActionLinks(outcome).First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
        var confirmed = await PostTwiceAtOnceAsync(client, satisfied, new() { ["choice"] = "satisfied", ["rating"] = "4", ["comment"] = "ok" });
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], confirmed.Select(r => r.Status).Order());

        var closed = await driver.WaitForStatusAsync(id, "Closed");
        var kinds = closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Single(kinds, k => k == "OutcomeProposed");
        Assert.Single(kinds, k => k == "CustomerConfirmed");
        await driver.WaitForEmailAsync(id, EmailKind.Closure, to: "lilei@example.com");
        var sent = await Host.Outbox.ListAsync(200, null, id, ct);
        Assert.Single(sent, e => e.Message.Kind == EmailKind.Outcome);
        Assert.Single(sent, e => e.Message.Kind == EmailKind.Closure);
    }

    [Fact]
    public async Task Two_decision_links_for_one_complaint_posted_at_once_record_the_first_and_tell_the_other_who_decided()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-two-links-" + Guid.NewGuid().ToString("N")[..8]));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("complaintId").GetString()!;
        var assignmentLink = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));
        await driver.WaitForStatusAsync(id, "Assigned");

        // A second valid link for the same decision, as a reminder or a reprioritisation email carries it (a new nonce).
        var complaint = (await Host.Services.GetRequiredService<IComplaintStore>().FindAsync(ComplaintId.Parse(id), ct))!.Complaint;
        var reminderLink = Host.Services.GetRequiredService<IActionLinks>().ForAgentDecision(id, complaint.AssignedAgent!, LinkGeneration.ForAssignment(complaint));
        Assert.NotEqual(assignmentLink.AbsolutePath, reminderLink.AbsolutePath);
        using var first = Host.CreateClient();
        using var second = Host.CreateClient();
        var resolve = await OpenFormAsync(first, assignmentLink, new() { ["choice"] = "resolve", ["text"] = "Refunded in full.", ["compensation"] = "refund" });
        var reject = await OpenFormAsync(second, reminderLink, new() { ["choice"] = "reject", ["text"] = "The order was delivered on time." });

        var answers = await Task.WhenAll(PostAsync(first, resolve), PostAsync(second, reject));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.Status).Order());
        var agentName = (await Host.Services.GetRequiredService<Core.Assignment.IAgentDirectory>().FindAsync(complaint.AssignedAgent!, ct))!.Name;
        var resolvedFirst = answers[0].Status == HttpStatusCode.OK;
        var loserPage = answers.Single(r => r.Status == HttpStatusCode.Conflict).Page;
        Assert.Contains(System.Net.WebUtility.HtmlEncode(agentName), loserPage, StringComparison.Ordinal);
        Assert.Contains(resolvedFirst ? "已解决：Refunded in full" : "已驳回", loserPage, StringComparison.Ordinal);
        Assert.Matches(@"20\d\d", loserPage);

        var decided = await driver.WaitForStatusAsync(id, "AwaitingCustomer");
        var kinds = decided.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Single(kinds, k => k == "OutcomeProposed");

        // Opened again once the workflow has moved on, either link still says what was decided rather than "out of date".
        using var reopened = await second.GetAsync(reminderLink, ct);
        Assert.Contains(resolvedFirst ? "已解决：Refunded in full" : "已驳回", await reopened.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_raised_before_the_workflow_waits_for_it_is_not_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-early-" + Guid.NewGuid().ToString("N")[..8]));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("complaintId").GetString()!;
        var decisionLink = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));
        await driver.WaitForStatusAsync(id, "Assigned");
        var (_, post) = await driver.SubmitFormAsync(decisionLink, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Refunded in full.", ["compensation"] = "refund" });
        using (post)
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        // The decision is queued, not yet applied: the engine is between episodes and nothing waits for a confirmation.
        var raisedEarly = !(await Host.Outbox.ListAsync(200, null, id, ct)).Any(e => e.Message.Kind == EmailKind.Outcome);
        await Host.Services.GetRequiredService<DurableTaskClient>().RaiseEventAsync(
            id, WorkflowNames.Events.CustomerConfirmation, new CustomerConfirmation(true, LinkGeneration.ForConfirmation(1), 5, "early"), ct);
        Assert.True(raisedEarly, "The outcome email was already out when the confirmation was raised: this run did not test an early event.");

        var closed = await driver.WaitForStatusAsync(id, "Closed");
        var kinds = closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Single(kinds, k => k == "CustomerConfirmed");
        await driver.WaitForEmailAsync(id, EmailKind.Closure, to: "lilei@example.com");
    }

    private static async Task<(Uri Target, Dictionary<string, string> Fields)> OpenFormAsync(HttpClient client, Uri link, Dictionary<string, string> fields)
    {
        var ct = TestContext.Current.CancellationToken;
        using var get = await client.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        fields["csrf"] = HostDriver.CsrfField(await get.Content.ReadAsStringAsync(ct));
        return (new Uri(link.GetLeftPart(UriPartial.Path)), fields);
    }

    private static async Task<(HttpStatusCode Status, string Page)> PostAsync(HttpClient client, (Uri Target, Dictionary<string, string> Fields) form)
    {
        var ct = TestContext.Current.CancellationToken;
        using var content = new FormUrlEncodedContent(form.Fields);
        using var post = await client.PostAsync(form.Target, content, ct);
        return (post.StatusCode, await post.Content.ReadAsStringAsync(ct));
    }

    private static async Task<IReadOnlyList<(HttpStatusCode Status, string Page)>> PostTwiceAtOnceAsync(HttpClient client, Uri link, Dictionary<string, string> fields)
    {
        var ct = TestContext.Current.CancellationToken;
        using var get = await client.GetAsync(link, ct);
        fields["csrf"] = HostDriver.CsrfField(await get.Content.ReadAsStringAsync(ct));
        var target = new Uri(link.GetLeftPart(UriPartial.Path));
        return await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(fields);
            using var post = await client.PostAsync(target, content, ct);
            return (post.StatusCode, await post.Content.ReadAsStringAsync(ct));
        }));
    }

    private static async Task<List<JsonElement>> ListedWithExternalIdAsync(HttpClient client, string externalId)
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints?pageSize=200&month={month}");
        request.Headers.Add(Local.Security.ApiKeyFilter.Header, RunningHost.ApiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("externalId").GetString() == externalId)];
    }
}
