using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.Security;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>Drives a running host the way its users do: signs webhooks, reads the outbox, opens links and submits forms.</summary>
public sealed partial class HostDriver(ITestHost host, HttpClient client)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public HttpClient Client => client;

    /// <summary>
    /// A complaint body from customer <c>u-{externalId}</c>. The default description carries the external id, so complaints of
    /// different tests never look like one text sent by many customers (which verification rejects as a campaign).
    /// </summary>
    public static string ComplaintJson(string externalId, string? description = null, string orderId = "123", string email = "lilei@example.com", string subject = "骑手态度恶劣") =>
        JsonSerializer.Serialize(new
        {
            externalId,
            channel = "app-feedback",
            customer = new { id = "u-" + externalId, name = "李雷", email, phone = "+8613800000000" },
            subject,
            description = description ?? $"订单 123 配送超时两个小时，骑手还辱骂我。参考 {externalId}",
            orderId,
            locale = "zh-CN",
        });

    public Task<HttpResponseMessage> PostSignedAsync(string json, string? webhookId = null, DateTimeOffset? timestamp = null, string? contentType = "application/json") =>
        PostSignedAsync(Encoding.UTF8.GetBytes(json), webhookId, timestamp, contentType);

    /// <summary>Signs and posts <paramref name="body"/> exactly as given, UTF-8 or not.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(byte[] body, string? webhookId = null, DateTimeOffset? timestamp = null, string? contentType = "application/json")
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var at = timestamp ?? DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Add(WebhookHeaders.Id, id);
        request.Headers.Add(WebhookHeaders.Timestamp, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, host.Signer.Sign(id, at, body));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> GetComplaintAsync(string complaintId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{complaintId}");
        request.Headers.Add(ApiKeyFilter.Header, RunningHost.ApiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the complaint's status is <paramref name="status"/>; fails with the last record seen.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string complaintId, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetComplaintAsync(complaintId);
            if (last.GetProperty("status").GetString() == status)
            {
                return last;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Complaint {complaintId} did not reach {status}; last seen: {last}");
        return last;
    }

    /// <summary>Waits for an email of <paramref name="kind"/> about the complaint, sent to <paramref name="to"/> when given.</summary>
    public async Task<EmailMessage> WaitForEmailAsync(string complaintId, EmailKind kind, string? to = null, int skip = 0)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var sent = await host.Outbox.ListAsync(200, to, complaintId, TestContext.Current.CancellationToken);
            var match = sent.Select(e => e.Message).Where(m => m.Kind == kind).Reverse().Skip(skip).FirstOrDefault();
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var all = await host.Outbox.ListAsync(200, null, complaintId, TestContext.Current.CancellationToken);
        Assert.Fail($"No {kind} email for {complaintId}; the outbox has: {string.Join(", ", all.Select(e => $"{e.Message.Kind} to {e.Message.To}"))}");
        return null!;
    }

    /// <summary>The action links in an email's plain-text part, as a reader would copy them.</summary>
    public static IReadOnlyList<Uri> ActionLinks(EmailMessage email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return [.. LinkPattern().Matches(email.TextBody).Select(m => new Uri(m.Value)).Distinct()];
    }

    /// <summary>Opens a link's page (GET), fills in the form and submits it (POST), as a person would.</summary>
    public async Task<(HttpResponseMessage Get, HttpResponseMessage Post)> SubmitFormAsync(Uri link, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(fields);
        var get = await client.GetAsync(link, TestContext.Current.CancellationToken);
        var page = await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var form = new Dictionary<string, string>(fields) { ["csrf"] = CsrfField(page) };
        using var content = new FormUrlEncodedContent(form);
        var post = await client.PostAsync(new Uri(link.GetLeftPart(UriPartial.Path)), content, TestContext.Current.CancellationToken);
        return (get, post);
    }

    /// <summary>The hidden <c>csrf</c> field of an action page; empty when it has none.</summary>
    public static string CsrfField(string page)
    {
        var csrf = CsrfPattern().Match(page);
        return csrf.Success ? WebUtility.HtmlDecode(csrf.Groups[1].Value) : string.Empty;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/api/actions/[A-Za-z0-9_\-\.~]+(\?choice=[a-z\-]+)?")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
