using System.Net;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Dashboard;

/// <summary>The work queue on the running local host: what comes first, what is marked, what the filters keep.</summary>
public sealed class QueuePageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_breached_complaint_comes_first_and_is_marked_then_the_rest_by_deadline()
    {
        var team = "Team-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var soon = await SeedAsync(team, "agent-a", Severity.Normal, now.AddMinutes(30), "Due in half an hour");
        var later = await SeedAsync(team, "agent-b", Severity.Low, now.AddHours(5), "Due in five hours");
        var late = await SeedAsync(team, "agent-a", Severity.Urgent, now.AddHours(-2), "Should have been answered");
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync($"/queue?team={team}&lang=en", Ct);

        var order = new[] { late, soon, later }.Select(c => html.IndexOf(c.Id.Value, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains("3 open complaints, 1 breached.", html, StringComparison.Ordinal);
        var lateRow = html[html.LastIndexOf("<tr", order[0], StringComparison.Ordinal)..html.IndexOf("</tr>", order[0], StringComparison.Ordinal)];
        Assert.Contains("class=\"breached\"", lateRow, StringComparison.Ordinal);
        Assert.Contains("breached 2 h", lateRow, StringComparison.Ordinal);
        Assert.Contains($"href=\"/queue/{late.Id.Value}?lang=en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_complaint_from_months_ago_is_in_the_queue_and_one_that_closed_leaves_it()
    {
        var team = "Team-" + Guid.NewGuid().ToString("N")[..8];
        var old = await SeedAsync(team, "agent-a", Severity.Normal, DateTimeOffset.UtcNow.AddHours(3), "Still open after four months", receivedAt: DateTimeOffset.UtcNow.AddMonths(-4));
        var closing = await SeedAsync(team, "agent-a", Severity.Normal, DateTimeOffset.UtcNow.AddHours(4), "About to close");
        var store = fixture.Host.Services.GetRequiredService<IComplaintStore>();
        var stored = (await store.FindAsync(closing.Id, Ct))!;
        stored.Complaint.ProposeOutcome(new Resolution(AgentDecisionKind.Resolve, "Refunded.", Compensation.Refund, "agent-a", DateTimeOffset.UtcNow));
        stored.Complaint.RecordVerdict(new CustomerVerdict(true, 5, null, DateTimeOffset.UtcNow));
        await store.SaveAsync(stored.Complaint, stored.Version, Ct);
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync($"/queue?team={team}&lang=en", Ct);

        Assert.Contains(old.Id.Value, html, StringComparison.Ordinal);
        Assert.DoesNotContain(closing.Id.Value, html, StringComparison.Ordinal);
        Assert.Contains("1 open complaints, 0 breached.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_agent_and_severity_keep_only_the_matching_complaints_in_Chinese()
    {
        var team = "Team-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var kept = await SeedAsync(team, "agent-x", Severity.High, now.AddHours(1), "Kept");
        var otherAgent = await SeedAsync(team, "agent-y", Severity.High, now.AddHours(1), "Other agent");
        var otherSeverity = await SeedAsync(team, "agent-x", Severity.Low, now.AddHours(1), "Other severity");
        using var client = await SignedInAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        var html = await client.GetStringAsync($"/queue?team={team}&agent=agent-x&severity=High", Ct);

        Assert.Contains(kept.Id.Value, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherAgent.Id.Value, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherSeverity.Id.Value, html, StringComparison.Ordinal);
        Assert.Contains("共 1 件未结投诉，其中 0 件已超时。", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"High\" selected>高</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_that_is_not_open_is_a_400_page_naming_the_parameter()
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync("/queue?status=Closed&lang=en", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("status must be one of the open statuses", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_complaint_link_opens_its_timeline_behind_the_cookie()
    {
        var team = "Team-" + Guid.NewGuid().ToString("N")[..8];
        var complaint = await SeedAsync(team, "agent-t", Severity.Normal, DateTimeOffset.UtcNow.AddHours(1), "Timeline please");
        using var client = await SignedInAsync();
        using var stranger = fixture.Host.CreateClient();

        var html = await client.GetStringAsync($"/queue/{complaint.Id.Value}?lang=zh", Ct);
        using var refused = await stranger.GetAsync($"/queue/{complaint.Id.Value}", Ct);

        Assert.Contains("处理记录", html, StringComparison.Ordinal);
        Assert.Contains("已分配", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lilei@example.com", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = fixture.Host.CreateClient();
        (await OpsPagesTests.SignInAsync(client, RunningHost.ApiKey, "/queue")).Dispose();
        return client;
    }

    /// <summary>An assigned complaint of <paramref name="team"/> whose first response is due at <paramref name="due"/>.</summary>
    private async Task<Complaint> SeedAsync(string team, string agent, Severity severity, DateTimeOffset due, string subject, DateTimeOffset? receivedAt = null)
    {
        var at = receivedAt ?? DateTimeOffset.UtcNow.AddHours(-3);
        var complaint = ComplaintBuilder.Chinese().ReceivedAt(at).WithSubject(subject).ForCustomer("u-" + Guid.NewGuid().ToString("N")).Build();
        complaint.BeginVerification(at);
        complaint.Classify(Category.Delivery, severity, "test", at);
        complaint.Assign(team, agent, due, due.AddDays(2), at);
        Assert.True(await fixture.Host.Services.GetRequiredService<IComplaintStore>().TryAddAsync(complaint, Ct));
        return complaint;
    }
}
