using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// Every kind of page the hosts serve (the shared action pages, the local outbox and status pages) tells the browser
/// to run no script, never to frame it, never to send its URL (link pages carry tokens) as a referrer, not to sniff
/// it and not to keep it: they show personal data. The JSON API's answers (records, statistics, problems) carry the
/// same data, so they too are neither kept nor sniffed.
/// </summary>
public sealed partial class PageHeadersTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Every_page_kind_sends_the_security_headers_and_runs_within_its_policy()
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-headers-" + Guid.NewGuid().ToString("N")[..8]));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        var email = await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        var link = Assert.Single(HostDriver.ActionLinks(email));
        await driver.WaitForStatusAsync(id, "Assigned");

        var pages = new List<(string Kind, HttpResponseMessage Response)>();
        foreach (var (kind, url) in new[]
        {
            ("outbox", "/outbox"),
            ("email", "/outbox/" + Uri.EscapeDataString(email.MessageId)),
            ("status", "/status/" + id),
            ("action form", link.PathAndQuery),
            ("broken link", "/api/actions/not-a-token"),
            ("missing email", "/outbox/no-such-email"),
        })
        {
            pages.Add((kind, await client.GetAsync(url, TestContext.Current.CancellationToken)));
        }

        var (_, recorded) = await driver.SubmitFormAsync(link, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "Refunded." });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        pages.Add(("action recorded", recorded));

        foreach (var (kind, response) in pages)
        {
            using (response)
            {
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                var csp = Header(response, "Content-Security-Policy", kind);
                var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.Ordinal);
                Assert.Equal("default-src 'none'", directives["default-src"]);
                Assert.False(directives.ContainsKey("script-src"), $"{kind}: {csp}");
                Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
                Assert.Equal("DENY", Header(response, "X-Frame-Options", kind));
                Assert.Equal("no-referrer", Header(response, "Referrer-Policy", kind));
                Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", kind));
                Assert.Equal("no-store", Header(response, "Cache-Control", kind));

                var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
                foreach (Match style in StyleElement().Matches(html))
                {
                    var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value))) + "'";
                    Assert.Contains(hash, directives["style-src"], StringComparison.Ordinal);
                }

                Assert.False(html.Contains(" style=\"", StringComparison.Ordinal), $"The {kind} page has an inline style attribute.");
            }
        }
    }

    [Fact]
    public async Task Every_json_answer_and_problem_is_neither_stored_nor_sniffed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        var answers = new List<(string Kind, HttpResponseMessage Response)>();
        var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-api-headers-" + Guid.NewGuid().ToString("N")[..8]));
        answers.Add(("intake 202", accepted));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("complaintId").GetString()!;
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (kind, url, keyed) in new[]
        {
            ("record", "/api/complaints/" + id, true),
            ("list", "/api/complaints?month=" + month, true),
            ("statistics", "/api/stats?month=" + month, true),
            ("statistics csv", "/api/stats?format=csv&month=" + month, true),
            ("bad id problem", "/api/complaints/not-an-id", true),
            ("missing key problem", "/api/complaints/" + id, false),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (keyed)
            {
                request.Headers.Add(Local.Security.ApiKeyFilter.Header, RunningHost.ApiKey);
            }

            answers.Add((kind, await client.SendAsync(request, ct)));
        }

        using var unsigned = new StringContent("{}", Encoding.UTF8, "application/json");
        answers.Add(("unsigned intake problem", await client.PostAsync("/api/complaints", unsigned, ct)));

        foreach (var (kind, response) in answers)
        {
            using (response)
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{kind}: {response.StatusCode}");
                Assert.Equal("no-store", Header(response, "Cache-Control", kind));
                Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", kind));
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }
    }

    private static string Header(HttpResponseMessage response, string name, string kind)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values), $"The {kind} page has no {name} header.");
        return Assert.Single(values);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
