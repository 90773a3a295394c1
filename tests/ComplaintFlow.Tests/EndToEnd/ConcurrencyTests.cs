using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// Everything a sender, an agent or a customer can do twice at once, on the real engine: a webhook delivered fifty
/// times in the same instant starts one complaint; a decision form and a confirmation form each posted twice at
/// once record one decision and one confirmation, and the loser is told what was recorded.
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
