using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.EndToEnd;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Playwright;

namespace ComplaintFlow.Tests.Browser;

/// <summary>An agent's morning, in a real (headless) browser: open the outbox, open the email, click the link, decide.</summary>
public sealed class OutboxBrowserTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Agent_opens_the_outbox_clicks_the_decision_link_and_resolves_the_complaint()
    {
        await using var host = await RunningHost.StartAsync(azurite);
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-browser-1"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        var assignment = await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        await driver.WaitForStatusAsync(id, "Assigned");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN" });
            var refused = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    refused.Add(message.Text);
                }
            };
            await page.GotoAsync(new Uri(host.BaseAddress, "/outbox").AbsoluteUri);
            await page.GetByRole(AriaRole.Link, new() { Name = assignment.Subject }).ClickAsync();

            // The pages' own stylesheet (allowed by its hash) and the email's inline styles both apply.
            Assert.Equal("640px", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main')).maxWidth"));
            var email = page.FrameLocator("iframe[title='Email']");
            var button = email.GetByRole(AriaRole.Link, new() { Name = "处理这条投诉" });
            Assert.Equal("rgb(11, 87, 208)", await button.EvaluateAsync<string>("a => getComputedStyle(a).backgroundColor"));
            await email.GetByRole(AriaRole.Link, new() { Name = "处理这条投诉" }).ClickAsync();
            await page.WaitForURLAsync("**/api/actions/**");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("处理投诉");

            await page.GetByLabel("解决 — 向客户发送解决方案").CheckAsync();
            await page.GetByLabel("解决方案、驳回说明、问题或原因").FillAsync("已为您全额退款，并对骑手进行了处理。");
            await page.GetByLabel("补偿（随解决方案）").SelectOptionAsync("refund");
            await Chromium.KeepScreenshotAsync(page, "agent-decision-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("谢谢，已记录");
            await Chromium.KeepScreenshotAsync(page, "agent-decision-recorded");
            Assert.Empty(refused);
        }

        var outcome = await driver.WaitForEmailAsync(id, EmailKind.Outcome, to: "lilei@example.com");
        Assert.Contains("已为您全额退款", outcome.TextBody, StringComparison.Ordinal);
        await driver.WaitForStatusAsync(id, "AwaitingCustomer");
    }

    [Fact]
    public async Task On_a_phone_the_outbox_and_the_status_page_fit_the_screen_and_the_timeline_stays_short()
    {
        await using var host = await RunningHost.StartAsync(azurite);
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-browser-phone"));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        await driver.WaitForStatusAsync(id, "Assigned");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN" });
            foreach (var (path, shot) in new[] { ("/outbox", "outbox-390"), ($"/status/{id}", "status-390") })
            {
                await page.GotoAsync(new Uri(host.BaseAddress, path).AbsoluteUri);
                await Chromium.KeepScreenshotAsync(page, shot);

                // Nothing wider than the screen: no sideways scrolling to read a row.
                Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, $"{path} is wider than a 390 px phone");
            }

            // Each timeline entry is a short card: the page was 5,400 px tall for six entries, one word per line.
            Assert.InRange(await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight"), 400, 2400);
            Assert.Equal("block", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('table.rows tr')).display"));
        }
    }
}
