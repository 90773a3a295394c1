using System.Net;
using System.Net.Http.Json;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// Storage gone under a running host: intake answers 503 problem+json with Retry-After (not a 500, not a hang) and
/// health says unhealthy with the reason — so a sender retries later and a monitor sees why.
/// </summary>
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_storage_stopped_intake_answers_503_with_retry_after_and_health_is_unhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = await AzuriteProcess.StartAsync(cancellationToken: ct);
        RunningHost? host = null;
        try
        {
            host = await RunningHost.StartAsync(azurite, null, $"--Storage:ConnectionString={storage.ConnectionString}");
            using var client = host.CreateClient();
            var driver = new HostDriver(host, client);
            using (var healthy = await client.GetAsync("/api/health", ct))
            {
                Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            }

            string id;
            using (var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-outage-before")))
            {
                Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
                id = (await accepted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("complaintId").GetString()!;
            }

            await storage.DisposeAsync();

            using var health = await client.GetAsync("/api/health", ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Unhealthy: Table Storage", await health.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.NotNull(health.Headers.RetryAfter);

            using var refused = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-outage-during"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("urn:complaintflow:problem:storage-unavailable", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);

            // An ops read as well: 503 with the same problem type, not a bare 500.
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{id}");
            read.Headers.Add("x-functions-key", RunningHost.ApiKey);
            using var unread = await client.SendAsync(read, ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unread.StatusCode);
            Assert.Contains("urn:complaintflow:problem:storage-unavailable", await unread.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await storage.DisposeAsync();
        }
    }
}
