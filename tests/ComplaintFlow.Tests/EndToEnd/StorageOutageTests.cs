using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// Storage gone under a running host: intake answers 503 problem+json with Retry-After (not a 500, not a hang) and
/// health says unhealthy with the reason — so a sender retries later and a monitor sees why. Stopped under load and
/// started again on the same ports and data, the host recovers by itself and every complaint a sender got a 202 for
/// (retrying its 503s as told) finishes its step once.
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

    /// <summary>
    /// How long storage stays down under load: the issue's 30 s by default (<c>CF_OUTAGE_SECONDS</c> shortens it for a
    /// quick local run). Long enough that the engine's own leases and polls fail, not just one request.
    /// </summary>
    private static TimeSpan OutageLength =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CF_OUTAGE_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 30);

    /// <remarks>
    /// Fails in about a third of runs on a known, unfixed engine fault (docs/reliability.md, "Found, not fixed": a workflow
    /// mid-step at the stop never gets its next message back), so the suite runs it only with <c>CF_OUTAGE_RECOVERY=1</c>;
    /// it is the test that will say when the fault is fixed.
    /// </remarks>
    [Fact]
    public async Task Storage_stopped_under_load_and_started_again_loses_nothing_and_needs_no_manual_step()
    {
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable("CF_OUTAGE_RECOVERY") == "1",
            "Known fault, not fixed: a workflow mid-step when storage stops can stay stranded (docs/reliability.md). Run with CF_OUTAGE_RECOVERY=1.");
        var ct = TestContext.Current.CancellationToken;
        var location = Path.Combine(Path.GetTempPath(), "complaintflow-outage-" + Guid.NewGuid().ToString("N"));
        var storage = await AzuriteProcess.StartAsync(location, ct);
        RunningHost? host = null;
        try
        {
            host = await RunningHost.StartAsync(azurite, null, $"--Storage:ConnectionString={storage.ConnectionString}");
            using var client = host.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(90); // a request that hangs fails the test instead of waiting for ever
            var driver = new HostDriver(host, client);
            var accepted = new ConcurrentDictionary<string, string>(); // external id -> complaint id
            var answers = new ConcurrentBag<(HttpStatusCode Status, string? MediaType, TimeSpan? RetryAfter, string Body)>();
            var health = new ConcurrentQueue<(HttpStatusCode Status, string Body)>();
            using var stopSending = new CancellationTokenSource();

            // Four senders, each posting one complaint after another and retrying a 503 with the same webhook-id, as
            // the problem's Retry-After asks (after 1 s instead of 30, so the test does not sit idle).
            async Task SendAsync(int sender)
            {
                for (var n = 0; !stopSending.IsCancellationRequested; n++)
                {
                    var externalId = string.Create(CultureInfo.InvariantCulture, $"fb-load-{sender}-{n}-{Guid.NewGuid():N}")[..24];
                    var body = HostDriver.ComplaintJson(externalId);
                    var webhookId = "msg_load_" + Guid.NewGuid().ToString("N");
                    while (true)
                    {
                        using var response = await driver.PostSignedAsync(body, webhookId);
                        var text = await response.Content.ReadAsStringAsync(ct);
                        answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta, text));
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            accepted[externalId] = JsonDocument.Parse(text).RootElement.GetProperty("complaintId").GetString()!;
                            break;
                        }

                        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                        {
                            return; // recorded in answers; the assertions below name it
                        }

                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
                }
            }

            async Task WatchHealthAsync()
            {
                while (!stopSending.IsCancellationRequested)
                {
                    using var response = await client.GetAsync("/api/health", ct);
                    health.Enqueue((response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                }
            }

            var pump = host.Services.GetRequiredService<ComplaintFlow.Infrastructure.Intake.DeliveryPump>();
            var load = Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => SendAsync(i), ct)).Append(Task.Run(WatchHealthAsync, ct)));
            await Eventually.TrueAsync(() => Task.FromResult(accepted.Count >= 20), TimeSpan.FromMinutes(2), "No complaints were accepted before the outage.");
            var acceptedBefore = accepted.Count;

            await storage.DisposeAsync();
            await Task.Delay(OutageLength, ct);
            var acceptedDuring = accepted.Count - acceptedBefore;
            storage = await storage.RestartAsync(ct);

            // Traffic goes on after storage is back; then the senders finish what they hold (their 503s retried until 202).
            var acceptedAtRestart = accepted.Count;
            await Eventually.TrueAsync(() => Task.FromResult(accepted.Count >= acceptedAtRestart + 20), TimeSpan.FromMinutes(3), "Intake did not accept complaints again after storage came back.");
            await stopSending.CancelAsync();
            await load;

            Assert.All(answers, a => Assert.True(
                a.Status is HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable,
                $"Intake answered {(int)a.Status} during the outage test: {a.Body}"));
            var refused = answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.NotEmpty(refused);
            Assert.All(refused, a =>
            {
                Assert.Equal("application/problem+json", a.MediaType);
                Assert.Contains("urn:complaintflow:problem:storage-unavailable", a.Body, StringComparison.Ordinal);
                Assert.Equal(TimeSpan.FromSeconds(StorageOutage.RetryAfterSeconds), a.RetryAfter);
            });
            Assert.True(acceptedDuring <= 4, $"{acceptedDuring} complaints were accepted while storage was stopped (at most the senders' in-flight ones).");

            // Health: healthy, then unhealthy naming Table Storage, then healthy again, with no one touching anything.
            var seen = health.ToList();
            var firstDown = seen.FindIndex(h => h.Status == HttpStatusCode.ServiceUnavailable);
            Assert.True(firstDown > 0, "Health never reported the outage (or never was healthy first).");
            Assert.Contains("Unhealthy: Table Storage", seen[firstDown].Body, StringComparison.Ordinal);
            await Eventually.TrueAsync(
                async () =>
                {
                    using var after = await client.GetAsync("/api/health", ct);
                    return after.StatusCode == HttpStatusCode.OK;
                },
                TimeSpan.FromMinutes(2),
                "Health did not come back after storage did.");

            // Every complaint answered 202 — before, during and after the outage — is there once and reaches its agent.
            Assert.Equal(accepted.Count, accepted.Values.Distinct().Count());
            var recovery = System.Diagnostics.Stopwatch.StartNew();
            foreach (var id in accepted.Values)
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
                while (!(await host.Outbox.ListAsync(200, null, id, ct)).Any(e => e.Message.Kind == EmailKind.AgentAssignment))
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        // Say where it stopped: never recorded (404), or a workflow that did not carry on (its status and last step).
                        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{id}");
                        read.Headers.Add("x-functions-key", RunningHost.ApiKey);
                        using var found = await client.SendAsync(read, ct);
                        var state = $"the record answers {(int)found.StatusCode} (never recorded)";
                        if (found.StatusCode == HttpStatusCode.OK)
                        {
                            var stuck = await found.Content.ReadFromJsonAsync<JsonElement>(ct);
                            state = $"status {stuck.GetProperty("status")}, last step {stuck.GetProperty("timeline").EnumerateArray().LastOrDefault()}";
                        }

                        var instance = await host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>().GetInstanceAsync(id, getInputsAndOutputs: false, ct);
                        var workflow = instance is null ? "no workflow instance" : $"workflow {instance.RuntimeStatus}{(instance.FailureDetails is { } f ? $" ({f.ErrorType}: {f.ErrorMessage})" : "")}";
                        Assert.Fail($"Complaint {id}, answered 202, never reached its agent within 5 min of storage coming back ({acceptedBefore} accepted before the stop, {acceptedDuring} during, {accepted.Count} in all): {state}; {workflow}; {pump.Waiting} deliveries waiting to be recorded.");
                    }

                    await Task.Delay(200, ct);
                }

                var record = await driver.GetComplaintAsync(id);
                Assert.Equal("Assigned", record.GetProperty("status").GetString());
                var sent = await host.Outbox.ListAsync(200, null, id, ct);
                Assert.Single(sent, e => e.Message.Kind == EmailKind.Acknowledgement);
                Assert.Single(sent, e => e.Message.Kind == EmailKind.AgentAssignment);
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Outage {OutageLength.TotalSeconds:0} s: {accepted.Count} complaints accepted ({acceptedBefore} before the stop), {refused.Count} answers 503, all assigned {recovery.Elapsed.TotalSeconds:0} s after health came back.");
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            await storage.DisposeAsync();
            if (Directory.Exists(location))
            {
                Directory.Delete(location, recursive: true);
            }
        }
    }
}
