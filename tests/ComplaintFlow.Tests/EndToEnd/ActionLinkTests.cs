using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>Links as people (and mail scanners, and attackers) use them: only a fresh, untouched, current link acts, once.</summary>
public sealed class ActionLinkTests(HostFixture fixture) : IClassFixture<HostFixture>, IDisposable
{
    private readonly ClientList _clients = new();

    private RunningHost Host => fixture.Host;

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task Opening_a_link_changes_nothing_and_only_the_form_post_acts()
    {
        var (driver, client, id, link) = await AssignedComplaintAsync("fb-link-get");

        for (var i = 0; i < 3; i++)
        {
            using var scan = await client.GetAsync(link, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        }

        var record = await driver.GetComplaintAsync(id);
        Assert.Equal("Assigned", record.GetProperty("status").GetString());
        Assert.DoesNotContain(record.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "OutcomeProposed");
    }

    [Fact]
    public async Task Forged_and_tampered_links_show_a_not_valid_page()
    {
        var (_, client, _, link) = await AssignedComplaintAsync("fb-link-forged");
        var token = link.Segments[^1];
        var flipped = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        foreach (var bad in new[] { "not-a-token", flipped })
        {
            using var get = await client.GetAsync($"/api/actions/{bad}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Contains("This link is not valid", await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_used_link_and_the_status_page_speak_the_customers_language_with_times_in_Beijing_time()
    {
        var (driver, client, id, link) = await AssignedComplaintAsync("fb-link-zh");
        var (_, post) = await driver.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "已为您全额退款。" });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await driver.WaitForStatusAsync(id, "AwaitingCustomer");

        using var again = await client.GetAsync(link, TestContext.Current.CancellationToken);
        var used = await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("使用：已解决：已为您全额退款。未做任何更改", used, StringComparison.Ordinal);
        Assert.Contains("北京时间", used, StringComparison.Ordinal);
        Assert.DoesNotContain("Resolve", used, StringComparison.Ordinal);
        Assert.DoesNotContain("。。", used, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", used, StringComparison.Ordinal);

        using var status = await client.GetAsync(new Uri(Host.BaseAddress, $"/status/{id}"), TestContext.Current.CancellationToken);
        var page = await status.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("处理记录", page, StringComparison.Ordinal);
        Assert.Contains("等待客户确认", page, StringComparison.Ordinal);
        Assert.Contains("已给出处理结果：已为您全额退款。", page, StringComparison.Ordinal); // the agent's words beside the event, not an English log line
        Assert.Contains("北京时间", page, StringComparison.Ordinal);
        foreach (var english in new[] { "AwaitingCustomer", "Timeline", "Status", "UTC", "Resolution proposed" })
        {
            Assert.DoesNotContain(english, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Expired_link_shows_it_expired_and_acts_on_nothing()
    {
        var (driver, client, id, _) = await AssignedComplaintAsync("fb-link-expired");
        var record = await driver.GetComplaintAsync(id);
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-8));
        var options = new LinksOptions { BaseUrl = Host.BaseAddress.AbsoluteUri.TrimEnd('/') };
        options.Keys.Add(LinksOptions.DevelopmentKey);
        var oldLink = new ActionTokenService(options, past).Issue(id, ActionPurpose.AgentDecision, record.GetProperty("assignee").GetString()!, 11);

        var (get, post) = await driver.SubmitFormAsync(new Uri(Host.BaseAddress, $"/api/actions/{oldLink}"), new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "x" });

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal("Assigned", (await driver.GetComplaintAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_link_for_another_recipient_or_an_earlier_step_changes_nothing()
    {
        var (driver, client, id, link) = await AssignedComplaintAsync("fb-link-stale");
        var options = new LinksOptions { BaseUrl = Host.BaseAddress.AbsoluteUri.TrimEnd('/') };
        options.Keys.Add(LinksOptions.DevelopmentKey);
        var tokens = new ActionTokenService(options, TimeProvider.System);
        var otherAgent = tokens.Issue(id, ActionPurpose.AgentDecision, "someone-else", 11);
        var customerConfirming = tokens.Issue(id, ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient, 1);

        foreach (var token in new[] { otherAgent, customerConfirming })
        {
            var (get, post) = await driver.SubmitFormAsync(new Uri(Host.BaseAddress, $"/api/actions/{token}"), new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "x" });
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Contains("此链接已过时", await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        }

        Assert.Equal("Assigned", (await driver.GetComplaintAsync(id)).GetProperty("status").GetString());
        Assert.NotNull(link);
    }

    [Fact]
    public async Task A_link_of_one_complaint_cannot_act_on_another()
    {
        var (driver, _, first, firstLink) = await AssignedComplaintAsync("fb-link-a");
        var (_, _, second, _) = await AssignedComplaintAsync("fb-link-b");

        var (_, post) = await driver.SubmitFormAsync(firstLink, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Refunded." });

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await driver.WaitForStatusAsync(first, "AwaitingCustomer");
        Assert.Equal("Assigned", (await driver.GetComplaintAsync(second)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_without_the_pages_csrf_cookie_is_refused()
    {
        var (driver, _, id, link) = await AssignedComplaintAsync("fb-link-csrf");
        using var stranger = Host.CreateClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "x", ["csrf"] = "guess" });

        using var post = await stranger.PostAsync(new Uri(link.GetLeftPart(UriPartial.Path)), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Assigned", (await driver.GetComplaintAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_made_up_csrf_cookie_and_field_pair_is_refused()
    {
        var (driver, _, id, link) = await AssignedComplaintAsync("fb-link-madeup");

        using var post = await PostWithCsrfAsync(link, "made-up-by-the-attacker");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Assigned", (await driver.GetComplaintAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_csrf_pair_a_page_issued_for_one_link_is_refused_on_another()
    {
        var (_, client, _, first) = await AssignedComplaintAsync("fb-link-pair-a");
        var (driver, _, second, secondLink) = await AssignedComplaintAsync("fb-link-pair-b");
        using var page = await client.GetAsync(first, TestContext.Current.CancellationToken);
        var issued = HostDriver.CsrfField(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cf_csrf=" + issued + ";", StringComparison.Ordinal));

        using var post = await PostWithCsrfAsync(secondLink, issued);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Assigned", (await driver.GetComplaintAsync(second)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bidi_override_in_customer_text_is_left_out_of_the_action_and_status_pages()
    {
        var client = _clients.AddAndReturn(Host.CreateClient());
        var driver = new HostDriver(Host, client);
        var externalId = "fb-link-bidi-" + Guid.NewGuid().ToString("N")[..8];
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson(externalId, $"Photo attached: \u202Egpj.exe ({externalId})", subject: "Refund \u202Egpj.exe"));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        var link = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));

        foreach (var url in new[] { link, new Uri(Host.BaseAddress, $"/status/{id}") })
        {
            using var page = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Refund gpj.exe", html, StringComparison.Ordinal);
            Assert.Contains("Photo attached: gpj.exe", html, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202E', html);
            Assert.DoesNotContain("&#x202E;", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Missing_text_shows_the_form_again_with_the_error_and_records_nothing()
    {
        var (driver, _, id, link) = await AssignedComplaintAsync("fb-link-empty");

        var (_, post) = await driver.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("请填写将发送给客户的内容", await post.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var (_, retry) = await driver.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "已退款。" });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await driver.WaitForStatusAsync(id, "AwaitingCustomer");
    }

    [Fact]
    public async Task After_the_customer_answers_a_question_the_agents_next_decision_is_a_step_of_its_own_and_acts()
    {
        var (driver, _, id, link) = await AssignedComplaintAsync("fb-link-asked");
        var (_, asked) = await driver.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "request-info", ["text"] = "Which order was it?" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var question = await driver.WaitForEmailAsync(id, EmailKind.InformationRequest, to: "lilei@example.com");
        var (_, answered) = await driver.SubmitFormAsync(Assert.Single(HostDriver.ActionLinks(question)), new Dictionary<string, string> { ["text"] = "Order 123." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // Same round and tier, so the same link generation as the first decision: only the step tells them apart.
        await Eventually.TrueAsync(
            async () => (await Host.Outbox.ListAsync(200, null, id, TestContext.Current.CancellationToken)).Count(e => e.Message.Kind == EmailKind.AgentAssignment) >= 2,
            TimeSpan.FromSeconds(30),
            "The agent was not told the customer answered.");
        await driver.WaitForStatusAsync(id, "Assigned");
        var assignments = (await Host.Outbox.ListAsync(200, null, id, TestContext.Current.CancellationToken)).Where(e => e.Message.Kind == EmailKind.AgentAssignment);
        var next = Assert.Single(assignments.SelectMany(e => HostDriver.ActionLinks(e.Message)), l => l != link);
        var (_, decided) = await driver.SubmitFormAsync(next, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Refunded order 123.", ["compensation"] = "refund" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        await driver.WaitForStatusAsync(id, "AwaitingCustomer");

        // The first link stays used: it says what it recorded, not what the second one did.
        var (_, again) = await driver.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Again." });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    /// <summary>Posts a resolution to <paramref name="link"/> with <paramref name="csrf"/> as both the cookie and the form field.</summary>
    private static async Task<HttpResponseMessage> PostWithCsrfAsync(Uri link, string csrf)
    {
#pragma warning disable CA2000 // the client owns and disposes the handler
        using var attacker = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }, disposeHandler: true);
#pragma warning restore CA2000
        using var request = new HttpRequestMessage(HttpMethod.Post, link.GetLeftPart(UriPartial.Path))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Refunded.", ["csrf"] = csrf }),
        };
        request.Headers.Add("Cookie", "cf_csrf=" + csrf);
        return await attacker.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<(HostDriver Driver, HttpClient Client, string Id, Uri Link)> AssignedComplaintAsync(string externalPrefix)
    {
        var client = _clients.AddAndReturn(Host.CreateClient());
        var driver = new HostDriver(Host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson(externalPrefix + "-" + Guid.NewGuid().ToString("N")[..8]));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        var email = await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        await driver.WaitForStatusAsync(id, "Assigned");
        return (driver, client, id, Assert.Single(HostDriver.ActionLinks(email)));
    }
}

/// <summary>The HTTP clients a test class created, disposed with it.</summary>
internal sealed class ClientList : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public HttpClient AddAndReturn(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    public void Dispose() => _clients.ForEach(c => c.Dispose());
}
