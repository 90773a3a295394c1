using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Local.Security;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>What an app team wiring the webhook sees when something is wrong: a problem+json naming the field, and nothing stored.</summary>
public sealed class IntakeErrorTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Wrong_secret_is_401_naming_the_signature_header()
    {
        using var client = Host.CreateClient();
        var body = HostDriver.ComplaintJson("fb-err-sig");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var now = DateTimeOffset.UtcNow;
        request.Headers.Add("webhook-id", "msg_wrong_secret");
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new Infrastructure.Webhooks.WebhookSigner("whsec_" + Convert.ToBase64String(new byte[32])).Sign("msg_wrong_secret", now, Encoding.UTF8.GetBytes(body)));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "webhook-signature");
    }

    [Fact]
    public async Task Timestamp_ten_minutes_old_is_401_naming_the_timestamp_header()
    {
        using var client = Host.CreateClient();
        using var response = await new HostDriver(Host, client).PostSignedAsync(HostDriver.ComplaintJson("fb-err-old"), timestamp: DateTimeOffset.UtcNow.AddMinutes(-10));
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "webhook-timestamp");
    }

    [Fact]
    public async Task Body_over_64_KiB_is_413()
    {
        using var client = Host.CreateClient();
        var huge = HostDriver.ComplaintJson("fb-err-big", description: new string('长', 30_000));
        using var response = await new HostDriver(Host, client).PostSignedAsync(huge);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Text_plain_is_415_naming_the_content_type()
    {
        using var client = Host.CreateClient();
        using var response = await new HostDriver(Host, client).PostSignedAsync(HostDriver.ComplaintJson("fb-err-type"), contentType: "text/plain");
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Malformed_json_is_400_and_invalid_fields_are_422_with_every_field_named()
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);

        using var malformed = await driver.PostSignedAsync("{\"description\": ");
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, null);

        var invalid = HostDriver.ComplaintJson("fb-err-fields", description: "  ", email: "not-an-email");
        using var response = await driver.PostSignedAsync(invalid);
        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "description");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "customer.email");
    }

    [Fact]
    public async Task Repeat_delivery_answers_as_the_first_and_the_same_id_with_another_body_is_422()
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        var webhookId = "msg_repeat_" + Guid.NewGuid().ToString("N");
        var body = HostDriver.ComplaintJson("fb-repeat-" + Guid.NewGuid().ToString("N")[..8]);

        using var first = await driver.PostSignedAsync(body, webhookId);
        using var second = await driver.PostSignedAsync(body, webhookId);
        using var other = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-other"), webhookId);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString();
        Assert.Equal(firstId, secondId);
        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "webhook-id");
    }

    [Fact]
    public async Task Concurrent_duplicates_and_a_resent_external_id_start_one_complaint()
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        var externalId = "fb-conc-" + Guid.NewGuid().ToString("N")[..8];
        var body = HostDriver.ComplaintJson(externalId);
        var webhookId = "msg_conc_" + Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => driver.PostSignedAsync(body, webhookId)));
        using var resent = await driver.PostSignedAsync(body, "msg_resent_" + Guid.NewGuid().ToString("N"));

        var ids = new List<string>();
        foreach (var response in responses)
        {
            ids.Add(await AcceptedIdAsync(response));
            response.Dispose();
        }

        var first = Assert.Single(ids.Distinct());
        var resentId = await AcceptedIdAsync(resent);

        // The resent delivery got its own answer; both status URLs come to show one and the same complaint.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? shownForFirst = null, shownForResent = null;
        while (DateTime.UtcNow < deadline && (shownForFirst is null || shownForFirst != shownForResent))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            shownForFirst = (await driver.GetComplaintAsync(first)).GetProperty("complaintId").GetString();
            shownForResent = (await driver.GetComplaintAsync(resentId)).GetProperty("complaintId").GetString();
        }

        Assert.Equal(shownForFirst, shownForResent);
        Assert.Contains(shownForFirst, new[] { first, resentId });
        var durable = Host.Services.GetRequiredService<DurableTaskClient>();
        await Eventually.TrueAsync(
            async () => await durable.GetInstanceAsync(shownForFirst!, cancellation: TestContext.Current.CancellationToken) is not null,
            TimeSpan.FromSeconds(30),
            "The complaint's orchestration never started.");
        var instances = new List<string>();
        foreach (var id in new[] { first, resentId })
        {
            if (await durable.GetInstanceAsync(id, cancellation: TestContext.Current.CancellationToken) is not null)
            {
                instances.Add(id);
            }
        }

        Assert.Equal([shownForFirst!], instances);
    }

    [Fact]
    public async Task Restricted_customer_gets_429_with_retry_after_until_the_restriction_is_lifted()
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        var externalId = "fb-abuse-" + Guid.NewGuid().ToString("N")[..8];
        var restriction = await Host.Services.GetRequiredService<IRestrictionStore>()
            .RestrictAsync("u-" + externalId, "Too many complaints", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), TestContext.Current.CancellationToken);

        using var refused = await driver.PostSignedAsync(HostDriver.ComplaintJson(externalId));
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, null);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 3000, 3600);

        using var lift = new HttpRequestMessage(HttpMethod.Post, $"/api/restrictions/{restriction.Key}/lift");
        lift.Headers.Add(ApiKeyFilter.Header, RunningHost.ApiKey);
        using var lifted = await client.SendAsync(lift, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);

        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson(externalId));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Theory]
    [InlineData("u-\\u200B")]
    [InlineData("\\uFF55-\\u200D")]
    public async Task A_restricted_customer_is_still_refused_when_its_id_is_sent_with_invisible_or_full_width_characters(string disguise)
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        var externalId = "fb-disguise-" + Guid.NewGuid().ToString("N")[..8];
        await Host.Services.GetRequiredService<IRestrictionStore>()
            .RestrictAsync("u-" + externalId, "Too many complaints", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), TestContext.Current.CancellationToken);
        var disguised = HostDriver.ComplaintJson(externalId).Replace("\"id\":\"u-", "\"id\":\"" + disguise, StringComparison.Ordinal);
        Assert.Contains(disguise, disguised, StringComparison.Ordinal);

        using var refused = await driver.PostSignedAsync(disguised);

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, null);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_utf8_is_400_malformed_body_as_documented()
    {
        using var client = Host.CreateClient();
        var utf8 = HostDriver.ComplaintJson("fb-err-gbk").Replace("\\u9A91\\u624B", "QS", StringComparison.OrdinalIgnoreCase);
        var gbk = Encoding.UTF8.GetBytes(utf8);
        var at = Array.IndexOf(gbk, (byte)'Q');
        Assert.True(at > 0, utf8);
        (gbk[at], gbk[at + 1]) = (0xC6, 0xEF); // 骑 in GBK: not UTF-8

        using var response = await new HostDriver(Host, client).PostSignedAsync(gbk);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Equal("urn:complaintflow:problem:malformed-body", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Keyed_routes_need_the_api_key()
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync("/api/complaints/C-202611-0000000000", TestContext.Current.CancellationToken);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, ApiKeyFilter.Header);
    }

    private static async Task<string> AcceptedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field is not null)
        {
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        }

        return problem;
    }
}
