using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Dashboard;

/// <summary>The dashboard on the running local host: the month's figures, its tables, its CSV, behind the cookie.</summary>
public sealed partial class DashboardPageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_month_shows_its_total_its_categories_and_its_days_in_tables_beside_the_charts_and_its_CSV_link_works_with_the_cookie()
    {
        await SeedMonthAsync(2031, 3);
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/dashboard?month=2031-03&lang=zh", Ct);

        Assert.Contains("<title>统计看板 · 2031-03 · ComplaintFlow</title>", html, StringComparison.Ordinal);
        Assert.Equal("5", Figure().Match(html).Groups[1].Value);
        var categories = Section(html, "table-by-category");
        Assert.Matches("<th scope=\"row\">配送</th><td[^>]*>3</td>", categories);
        Assert.Matches("<th scope=\"row\">支付</th><td[^>]*>2</td>", categories);
        var daily = Section(html, "table-daily");
        Assert.Matches("<th scope=\"row\">2031-03-05</th><td[^>]*>3</td>", daily);
        Assert.Matches("<th scope=\"row\">2031-03-07</th><td[^>]*>2</td>", daily);
        Assert.Contains("data-chart=\"{&quot;type&quot;:&quot;bar&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/chart.umd.min.js\" defer></script>", html, StringComparison.Ordinal);

        using var csv = await client.GetAsync("/dashboard/csv?month=2031-03", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("total,,5", await csv.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_allows_scripts_from_this_host_only_and_no_inline_script()
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync("/dashboard?month=2031-04", Ct);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.Contains("No complaints this month yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_month_it_shows_this_month_of_the_business_calendar_and_a_bad_month_is_a_400_page()
    {
        var calendar = fixture.Host.Services.GetRequiredService<BusinessCalendar>();
        var thisMonth = calendar.ToLocal(DateTimeOffset.UtcNow).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/dashboard?lang=en", Ct);
        using var bad = await client.GetAsync("/dashboard?month=2031-13&lang=en", Ct);
        using var endOfTime = await client.GetAsync("/dashboard?month=9999-12&lang=en", Ct);
        using var csvEndOfTime = await client.GetAsync("/dashboard/csv?month=9999-12", Ct);
        using var badCsv = await client.GetAsync("/dashboard/csv?month=March", Ct);
        using var stranger = fixture.Host.CreateClient();
        using var csvWithoutCookie = await stranger.GetAsync("/dashboard/csv?month=2031-03", Ct);

        Assert.Contains($"value=\"{thisMonth}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("month must be a month like 2026-11.", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, endOfTime.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, csvEndOfTime.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCsv.StatusCode);
        Assert.Equal("application/problem+json", badCsv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.SeeOther, csvWithoutCookie.StatusCode);
    }

    /// <summary>
    /// Five complaints in the month: three about delivery on the 5th (one answered late, after 5 h, and the customer not
    /// satisfied; two still with their agent), two about payment on the 7th (answered in 90 minutes, the customer satisfied).
    /// </summary>
    internal static async Task SeedMonthAsync(RunningHost host, int year, int month)
    {
        var statistics = host.Services.GetRequiredService<ComplaintStatistics>();
        foreach (var (day, category, severity, n) in new[] { (5, Category.Delivery, Severity.Urgent, 3), (7, Category.Payment, Severity.High, 2) })
        {
            for (var i = 0; i < n; i++)
            {
                var at = new DateTimeOffset(year, month, day, 3, 0, 0, TimeSpan.Zero);
                var complaint = ComplaintBuilder.Chinese().ReceivedAt(at).ForCustomer("u-" + Guid.NewGuid().ToString("N")).Build();
                complaint.BeginVerification(at);
                complaint.Classify(category, severity, "test", at);
                complaint.Assign("Team-stats", "agent-s", at.AddHours(2), at.AddHours(24), at);
                var answered = category == Category.Payment ? at.AddMinutes(90) : i == 0 ? at.AddHours(5) : (DateTimeOffset?)null;
                if (answered is { } done)
                {
                    complaint.ProposeOutcome(new Resolution(AgentDecisionKind.Resolve, "已退款", Compensation.Refund, "agent-s", done));
                    complaint.RecordVerdict(new CustomerVerdict(category == Category.Payment, category == Category.Payment ? 5 : 2, null, done.AddHours(1)));
                }

                await statistics.RecordAsync(complaint, Ct);
            }
        }
    }

    private Task SeedMonthAsync(int year, int month) => SeedMonthAsync(fixture.Host, year, month);

    private async Task<HttpClient> SignedInAsync()
    {
        var client = fixture.Host.CreateClient();
        (await OpsPagesTests.SignInAsync(client, RunningHost.ApiKey, "/dashboard")).Dispose();
        return client;
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no {id} on the page");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("id=\"figure-total\"><strong>([0-9]+)</strong>")]
    private static partial Regex Figure();
}
