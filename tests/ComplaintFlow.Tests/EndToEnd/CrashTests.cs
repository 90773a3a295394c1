using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Local.Security;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// The local host killed with SIGKILL — no disposal, no shutdown — while complaints are in intake, inside activities and
/// waiting on timers and events, then started again on the same data: every complaint goes on to its end, once, and
/// every email is sent once.
/// </summary>
public sealed class CrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly string[] ShortSla =
    [
        // Windows of seconds, so reminder and breach timers are pending when the host dies and fire after the restart.
        "--Sla:Targets:High:FirstResponse=00:00:20", "--Sla:Targets:High:Resolution=00:03:00", "--Sla:Targets:High:AroundTheClock=true",
        "--Sla:Targets:Normal:FirstResponse=00:00:20", "--Sla:Targets:Normal:Resolution=00:03:00", "--Sla:Targets:Normal:AroundTheClock=true",
        "--Logging:LogLevel:Default=Warning",
    ];

    [Fact]
    public async Task A_host_killed_mid_flight_restarts_on_its_data_and_every_complaint_finishes_once_with_each_email_once()
    {
        var location = Path.Combine(Path.GetTempPath(), "complaintflow-crash-" + Guid.NewGuid().ToString("N"));
        var prefix = AzuriteFixture.UniqueName("k");
        string[] settings = [$"--Azurite:Location={location}", .. ShortSla];
        AzuriteProcess? storage = null;
        try
        {
            // The host starts its own Azurite over the folder, as `dotnet run` does.
            await using var first = await HostProcess.StartAsync(prefix, settings);
            storage = await AzuriteProcess.StartOrReuseAsync(location, TestContext.Current.CancellationToken);
            Assert.True(storage.Reused, "The test should find the Azurite the host started.");
            first.UseStorage(storage.ConnectionString);
            using var firstClient = first.CreateClient();
            var before = new HostDriver(first, firstClient);

            // Waiting for the agent (timers pending), and waiting for the customer (an event pending).
            var waiting = await FileAsync(before, 6);
            foreach (var id in waiting)
            {
                await before.WaitForEmailAsync(id, EmailKind.AgentAssignment);
            }

            var resolvedBefore = waiting.Take(3).ToList();
            foreach (var id in resolvedBefore)
            {
                await ResolveAsync(before, first, id);
            }

            // A burst still being recorded and run when the host dies.
            var burst = await FileAsync(before, 8);
            await first.KillAsync();

            Assert.True(NodeTools.IsAlive(ReadPid(location)), "Azurite died with the host.");
            await using var second = await HostProcess.StartAsync(prefix, settings);
            second.UseStorage(storage.ConnectionString);
            using var secondClient = second.CreateClient();
            var after = new HostDriver(second, secondClient);

            var all = waiting.Concat(burst).ToList();
            foreach (var id in all.Except(resolvedBefore))
            {
                await ResolveAsync(after, second, id);
            }

            foreach (var id in all)
            {
                var outcome = await after.WaitForEmailAsync(id, EmailKind.Outcome, to: "lilei@example.com");
                var satisfied = HostDriver.ActionLinks(outcome).First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
                var (_, confirmed) = await after.SubmitFormAsync(new Uri(second.BaseAddress, satisfied.PathAndQuery), new Dictionary<string, string> { ["choice"] = "satisfied", ["rating"] = "5" });
                Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            }

            foreach (var id in all)
            {
                var closed = await after.WaitForStatusAsync(id, "Closed");
                Assert.Single(closed.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Closed");
                var emails = (await second.Outbox.ListAsync(200, null, id, TestContext.Current.CancellationToken)).Select(e => e.Message).ToList();
                Assert.Single(emails, m => m.Kind == EmailKind.Acknowledgement);
                Assert.Single(emails, m => m.Kind == EmailKind.AgentAssignment);
                Assert.Single(emails, m => m.Kind == EmailKind.Outcome);
                var repeated = emails.GroupBy(m => (m.Kind, m.To, m.Subject, m.TextBody)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Kind} to {g.Key.To}").ToList();
                Assert.True(repeated.Count == 0, $"{id} got the same email twice: {string.Join(", ", repeated)}");
            }

            // Every 202 is one complaint: none lost, none recorded twice.
            Assert.Equal(all.Count, await CountComplaintsAsync(after, all));
            await second.StopAsync();
        }
        finally
        {
            if (storage is not null)
            {
                await storage.DisposeAsync();
            }

            if (Directory.Exists(location))
            {
                Directory.Delete(location, recursive: true);
            }
        }
    }

    /// <summary>Files <paramref name="count"/> complaints of different customers at once; returns their ids from the 202s.</summary>
    private static async Task<List<string>> FileAsync(HostDriver driver, int count)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-kill-" + Guid.NewGuid().ToString("N")[..10]));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            return (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
        }));
        return [.. answers];
    }

    /// <summary>
    /// Resolves as the person the newest decision email went to (the agent, or the team lead once a breach escalated
    /// it); a link that an escalation overtook says so and changes nothing, so the newest one is tried again.
    /// </summary>
    private static async Task ResolveAsync(HostDriver driver, HostProcess host, string id)
    {
        await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment);
        var tried = new HashSet<Uri>();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var sent = (await host.Outbox.ListAsync(200, null, id, TestContext.Current.CancellationToken)).Select(e => e.Message).ToList();
            if (sent.Any(m => m.Kind == EmailKind.Outcome))
            {
                return;
            }

            // The outbox lists newest first.
            var newest = HostDriver.ActionLinks(sent.First(m => m.Kind is EmailKind.AgentAssignment or EmailKind.Escalation && HostDriver.ActionLinks(m).Count > 0))[0];
            if (tried.Add(newest))
            {
                var (_, posted) = await driver.SubmitFormAsync(
                    new Uri(driver.Client.BaseAddress!, newest.PathAndQuery),
                    new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = "已核实并退款。", ["compensation"] = "refund" });
                Assert.True(posted.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Resolving {id} answered {posted.StatusCode}.");
            }

            await Task.Delay(300, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{id} got no outcome email within {Patience}:\n{host.Output}");
    }

    private static async Task<int> CountComplaintsAsync(HostDriver driver, IReadOnlyCollection<string> ids)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/complaints?status=Closed&pageSize=100");
        request.Headers.Add(ApiKeyFilter.Header, RunningHost.ApiKey);
        using var response = await driver.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, c => Assert.Contains(c.GetProperty("complaintId").GetString(), ids));
        return items.Count;
    }

    private static int ReadPid(string location) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(location, "azurite-host.json"))).RootElement.GetProperty("Pid").GetInt32();
}
