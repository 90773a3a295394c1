using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// A seeded, bounded fuzz run against every public route of the real host: 1,200 malformed or hostile requests —
/// truncated, invalid-UTF-8, deeply nested and huge-number JSON, 1 MB strings, wrong content types, header
/// injection, forged, stale, future and mis-keyed signatures, tampered and over-long link tokens, path traversal and
/// over-long ids. Every answer is a 4xx (problem+json on the API, a page on links), nothing is stored, no email is
/// sent, and the host stays healthy. A failure names the seed and the request, so it can be replayed.
/// </summary>
public sealed class HostileInputFuzzTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const int Requests = 1_200;

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Twelve_hundred_hostile_requests_are_all_refused_with_4xx_and_store_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("CF_FUZZ_SEED") is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : Environment.TickCount;
        var random = new Random(seed);
        var ct = TestContext.Current.CancellationToken;
        using var client = Host.CreateClient();
        var emailsBefore = (await Host.Outbox.ListAsync(1_000, ct: ct)).Count;
        var valid = Encoding.UTF8.GetBytes(HostDriver.ComplaintJson("fb-fuzz-base"));

        for (var i = 0; i < Requests; i++)
        {
            var (name, request) = Next(random, valid);
            using (request)
            {
                var path = request.RequestUri!.OriginalString;
                using var response = await client.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                var context = $"seed {seed} (CF_FUZZ_SEED={seed}), request {i} ({name}) {request.Method} {Shorten(path)}: {status}";
                Assert.True(status is >= 400 and < 500, context);
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status is 414 or 431)
                {
                    continue; // Kestrel refuses an over-long request line or headers before the app sees them
                }

                if (path.StartsWith("/api/actions/", StringComparison.Ordinal))
                {
                    Assert.True(mediaType is "text/html" or "application/problem+json", context + " " + mediaType);
                }
                else
                {
                    Assert.True(mediaType == "application/problem+json", context + " " + mediaType);
                }
            }
        }

        using var health = await client.GetAsync("/api/health", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(emailsBefore, (await Host.Outbox.ListAsync(1_000, ct: ct)).Count);
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/complaints?pageSize=200&month=" + DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        list.Headers.Add(Local.Security.ApiKeyFilter.Header, RunningHost.ApiKey);
        using var listed = await client.SendAsync(list, ct);
        var items = JsonDocument.Parse(await listed.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("items");
        Assert.True(items.GetArrayLength() == 0, $"seed {seed}: {items.GetArrayLength()} complaints were stored");
    }

    [Fact]
    public async Task An_id_with_a_slash_matching_no_route_is_404_problem_json()
    {
        // Found by seed 16946260: "C-202612-<b>x</b>" splits into a path no route matches; it answered a bare 404.
        using var client = Host.CreateClient();
        using var response = await client.GetAsync("/api/complaints/C-202612-<b>x</b>", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_405_problem_json_naming_the_allowed_ones()
    {
        using var client = Host.CreateClient();
        using var body = new StringContent("{}");
        using var response = await client.PutAsync("/api/complaints", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    private (string Name, HttpRequestMessage Request) Next(Random random, byte[] valid) => random.Next(12) switch
    {
        0 => ("truncated json", Signed(valid[..random.Next(1, valid.Length - 1)])),
        1 => ("invalid utf-8", Signed([.. valid[..20], 0xC3, 0x28, 0xFF, .. valid[20..]])),
        2 => ("deep nesting", Signed(Encoding.UTF8.GetBytes(new string('[', 200 + random.Next(5_000)) + new string(']', 10)))),
        3 => ("huge number", Signed(Encoding.UTF8.GetBytes("{\"externalId\":1" + new string('9', 400) + "e99999,\"channel\":-0.0e-99999}"))),
        4 => ("1 MB string", Signed(Encoding.UTF8.GetBytes("{\"description\":\"" + new string('x', 1 << 20) + "\"}"))),
        5 => ("wrong content type", Signed(valid, random.Next(3) switch { 0 => "text/plain", 1 => "application/x-www-form-urlencoded", _ => "multipart/form-data; boundary=x" })),
        6 => ("header injection", Injected(valid, "1%0d%0aX-Injected: 1\t\"<script>" + new string('a', random.Next(2_000)))),
        7 => ("bad signature", Forged(random, valid)),
        8 => ("html and script, no signature", Unsigned(Encoding.UTF8.GetBytes(HostDriver.ComplaintJson("<script>alert(1)</script>", description: "<img src=x onerror=alert(1)>")))),
        9 => ("tampered token", Action(random, random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Post, Token(random))),
        10 => ("traversal or long token", Action(random, HttpMethod.Get, random.Next(2) == 0 ? "..%2F..%2Fetc%2Fpasswd" : new string('A', 2_000 + random.Next(8_000)))),
        _ => ("keyed route, bad id or no key", Keyed(random)),
    };

    private HttpRequestMessage Signed(byte[] body, string contentType = "application/json", string? webhookId = null)
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var request = Post(body, contentType);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, id);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, Host.Signer.Sign(id, now, body));
        return request;
    }

    private HttpRequestMessage Injected(byte[] body, string timestamp)
    {
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var request = Post(body, "application/json");
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, id);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, Host.Signer.Sign(id, DateTimeOffset.UtcNow, body));
        return request;
    }

    private static HttpRequestMessage Forged(Random random, byte[] body)
    {
        var id = "msg_" + random.Next();
        var (at, signer) = random.Next(4) switch
        {
            0 => (DateTimeOffset.UtcNow.AddMinutes(-6 - random.Next(10_000)), new WebhookSigner(WebhookOptions.DevelopmentSecret)),
            1 => (DateTimeOffset.UtcNow.AddMinutes(6 + random.Next(10_000)), new WebhookSigner(WebhookOptions.DevelopmentSecret)),
            _ => (DateTimeOffset.UtcNow, new WebhookSigner("whsec_" + Convert.ToBase64String(RandomBytes(random, 32)))),
        };
        var request = Post(body, "application/json");
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, id);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, random.Next(8) == 0 ? "not-a-number" : at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, random.Next(8) == 0 ? "v1," + new string('=', 50) : signer.Sign(id, at, body));
        return request;
    }

    private static HttpRequestMessage Unsigned(byte[] body) => Post(body, "application/json");

    private static HttpRequestMessage Post(byte[] body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    private static string Token(Random random) =>
        Convert.ToBase64String(RandomBytes(random, 40 + random.Next(200))).TrimEnd('=').Replace('+', '-').Replace('/', '_') + (random.Next(2) == 0 ? "." + random.Next() : string.Empty);

    private static HttpRequestMessage Action(Random random, HttpMethod method, string token)
    {
        var request = new HttpRequestMessage(method, "/api/actions/" + token);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "<script>x</script>", ["csrf"] = random.Next().ToString(CultureInfo.InvariantCulture) });
        }

        return request;
    }

    private static HttpRequestMessage Keyed(Random random)
    {
        var id = random.Next(3) switch { 0 => "..%2F..%2Fsecrets", 1 => new string('C', 1_000 + random.Next(5_000)), _ => "C-202612-<b>x</b>" };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/complaints/" + id);
        if (random.Next(2) == 0)
        {
            request.Headers.TryAddWithoutValidation(Local.Security.ApiKeyFilter.Header, RunningHost.ApiKey);
        }

        return request;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
