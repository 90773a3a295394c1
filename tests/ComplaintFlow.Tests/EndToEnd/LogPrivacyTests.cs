using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Tests.Fixtures;
using ComplaintFlow.Tests.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// What the host writes to its logs (at the level it runs at, Information) through a whole lifecycle on the real
/// engine — intake, verification, assignment, the agent's decision through its link, the customer's confirmation,
/// closing, a record read with the key and a refused request — holds none of the secrets the test used and none of
/// the customer's personal data.
/// </summary>
public sealed class LogPrivacyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_full_lifecycle_logs_no_secret_token_email_phone_or_name()
    {
        var ct = TestContext.Current.CancellationToken;
        using var logs = new CapturingLoggerProvider();
        await using var host = await RunningHost.StartAsync(
            azurite, services => services.AddSingleton<ILoggerProvider>(logs), "--Logging:LogLevel:Default=Information");
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);
        var externalId = "fb-logs-" + Guid.NewGuid().ToString("N")[..8];
        const string Name = "Hanmeimei Privatename";
        const string Email = "hanmeimei.private@example.com";
        const string Phone = "+8613912345678";
        var body = JsonSerializer.Serialize(new
        {
            externalId,
            channel = "app-feedback",
            customer = new { id = "u-" + externalId, name = Name, email = Email, phone = Phone },
            subject = "Payment failed twice",
            description = "I cannot pay for order 77, the payment failed twice and I was charged.",
            orderId = "77",
            locale = "en-US",
        });

        using var accepted = await driver.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("complaintId").GetString()!;
        var decisionLink = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));
        await driver.WaitForStatusAsync(id, "Assigned");
        var (_, decided) = await driver.SubmitFormAsync(decisionLink, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Refunded." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var outcome = await driver.WaitForEmailAsync(id, EmailKind.Outcome, to: Email);
        var links = HostDriver.ActionLinks(outcome);
        var satisfied = links.First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
        var (_, confirmed) = await driver.SubmitFormAsync(satisfied, new Dictionary<string, string> { ["choice"] = "satisfied", ["rating"] = "5", ["comment"] = "Thanks" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await driver.WaitForStatusAsync(id, "Closed");
        await driver.WaitForEmailAsync(id, EmailKind.Closure, to: Email);
        using (var refused = await client.GetAsync("/api/complaints/" + id, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var tokens = new[] { decisionLink }.Concat(links).Select(l => l.AbsolutePath.Split('/')[^1]).Distinct();
        var secrets = new Dictionary<string, string>
        {
            ["API key"] = RunningHost.ApiKey,
            ["webhook secret"] = WebhookOptions.DevelopmentSecret["whsec_".Length..],
            ["link key"] = LinksOptions.DevelopmentKey,
            ["name"] = Name,
            ["email"] = Email,
            ["email's local part"] = "hanmeimei.private",
            ["phone"] = Phone,
            ["phone digits"] = Phone[1..],
        };
        foreach (var token in tokens)
        {
            secrets["action token " + token[..8]] = token;
        }

        var messages = logs.AllMessages();
        Assert.Contains(messages, m => m.Contains(id, StringComparison.Ordinal)); // the lifecycle was logged, by complaint id
        foreach (var (what, secret) in secrets)
        {
            var leak = messages.FirstOrDefault(m => m.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"The logs hold the {what}: {leak}");
        }
    }
}
