using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Dashboard;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintFlow.Tests.Browser;

/// <summary>
/// A manager's round of the ops pages in a real (headless) browser, in Chinese and in English, on a 390 px phone and a
/// 1280 px laptop: sign in once, read the month's count on the dashboard (drawn by chart.js), find the breached
/// complaint at the top of the queue, lift a restriction. Screenshots are kept under artifacts/screenshots/.
/// </summary>
public sealed class OpsPagesBrowserTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Rounds => new() { { "zh", 390 }, { "zh", 1280 }, { "en", 390 }, { "en", 1280 } };

    [Theory]
    [MemberData(nameof(Rounds))]
    public async Task A_manager_reads_the_dashboard_finds_the_breached_complaint_first_and_lifts_a_restriction(string lang, int width)
    {
        await using var host = await RunningHost.StartAsync(azurite);
        await DashboardPageTests.SeedMonthAsync(host, 2031, 3);
        var team = "Team-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        await SeedAsync(host, team, "王芳", Severity.Normal, now.AddHours(4), "退款一直没到账");
        var breached = await SeedAsync(host, team, "李娜", Severity.Urgent, now.AddHours(-3).AddMinutes(-10), "骑手态度恶劣，订单超时两小时");
        await SeedAsync(host, team, "Tom", Severity.High, now.AddMinutes(45), "App crashes at checkout");
        var restriction = await host.Services.GetRequiredService<IRestrictionStore>()
            .RestrictAsync("u-burst-" + Guid.NewGuid().ToString("N"), "Too many complaints from one customer: 6 within 60 minutes.", now.AddMinutes(-20), now.AddDays(1), Ct);
        var zh = lang == "zh";
        var shot = $"ops-{lang}-{width}";

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 }, Locale = zh ? "zh-CN" : "en-GB" });
            var refused = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    refused.Add(message.Text);
                }
            };
            async Task FitsAsync(string what)
            {
                var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(wide <= width, $"{what} is {wide} px wide on a {width} px screen");
            }

            // Sign in once: the browser's own language picks the form's.
            await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard?month=2031-03").AbsoluteUri);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "运维登录" : "Ops sign-in");
            Assert.DoesNotContain("key=", page.Url, StringComparison.OrdinalIgnoreCase);
            await FitsAsync("the sign-in form");
            await Chromium.KeepScreenshotAsync(page, shot + "-signin");
            await page.GetByLabel(zh ? "运维密钥" : "Ops key").FillAsync(RunningHost.ApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = zh ? "登录" : "Sign in" }).ClickAsync();
            await page.WaitForURLAsync("**/dashboard?month=2031-03");
            Assert.DoesNotContain(RunningHost.ApiKey, page.Url, StringComparison.Ordinal);

            // The dashboard: the month's count, the category table, the charts drawn.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "统计看板 · 2031-03" : "Dashboard · 2031-03");
            await Assertions.Expect(page.Locator("#figure-total strong")).ToHaveTextAsync("5");
            await Assertions.Expect(page.Locator("#table-by-category tbody tr").First).ToContainTextAsync(zh ? "配送" : "Delivery");
            await Assertions.Expect(page.Locator("#table-by-category tbody tr").First).ToContainTextAsync("3");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart && Chart.getChart(c))");
            Assert.Equal(5, await page.EvaluateAsync<int>("() => document.querySelectorAll('canvas[data-chart]').length"));
            await FitsAsync("the dashboard");
            await Chromium.KeepScreenshotAsync(page, shot + "-dashboard");

            // The language switch keeps the page and the month.
            await page.GetByRole(AriaRole.Link, new() { Name = zh ? "English" : "中文" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(zh ? "Dashboard · 2031-03" : "统计看板 · 2031-03");
            await page.GotoAsync(new Uri(host.BaseAddress, $"/queue?team={team}&lang={lang}").AbsoluteUri);

            // The queue: the breached complaint first, marked, with its time over.
            var first = page.Locator("table.queue tbody tr").First;
            await Assertions.Expect(first).ToContainTextAsync(breached.Id.Value);
            await Assertions.Expect(first).ToHaveClassAsync("breached");
            await Assertions.Expect(first).ToContainTextAsync(zh ? "已超时 3 小时" : "breached 3 h");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(zh ? "共 3 件未结投诉，其中 1 件已超时。" : "3 open complaints, 1 breached.");
            await FitsAsync("the queue");
            await Chromium.KeepScreenshotAsync(page, shot + "-queue");
            await first.GetByRole(AriaRole.Link, new() { Name = breached.Id.Value }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(zh ? "处理记录" : "Timeline");
            await FitsAsync("the complaint's timeline");

            // The restrictions: listed with its reason, lifted with its button, gone.
            await page.GotoAsync(new Uri(host.BaseAddress, $"/restrictions?lang={lang}").AbsoluteUri);
            var row = page.Locator("tr", new() { HasText = restriction.Key });
            await Assertions.Expect(row).ToContainTextAsync("Too many complaints from one customer");
            await FitsAsync("the restrictions");
            await Chromium.KeepScreenshotAsync(page, shot + "-restrictions");
            await row.GetByRole(AriaRole.Button, new() { Name = zh ? $"解除 {restriction.Key} 的限制" : $"Lift the restriction of {restriction.Key}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(zh ? "已解除限制" : "Restriction lifted");
            await Assertions.Expect(page.Locator("tr", new() { HasText = restriction.Key })).ToHaveCountAsync(0);
            await Chromium.KeepScreenshotAsync(page, shot + "-lifted");
            Assert.Empty(refused);
        }

        Assert.DoesNotContain((await host.Services.GetRequiredService<IRestrictionStore>().ListActiveAsync(DateTimeOffset.UtcNow, Ct)), r => r.Key == restriction.Key);
    }

    private static async Task<Complaint> SeedAsync(RunningHost host, string team, string agent, Severity severity, DateTimeOffset due, string subject)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-5);
        var complaint = ComplaintBuilder.Chinese().ReceivedAt(at).WithSubject(subject).ForCustomer("u-" + Guid.NewGuid().ToString("N")).Build();
        complaint.BeginVerification(at);
        complaint.Classify(Category.Delivery, severity, "test", at);
        complaint.Assign(team, agent, due, due.AddDays(2), at);
        Assert.True(await host.Services.GetRequiredService<IComplaintStore>().TryAddAsync(complaint, Ct));
        return complaint;
    }
}
