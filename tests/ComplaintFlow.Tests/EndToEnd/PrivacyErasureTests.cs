using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Local.Security;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>
/// Erasure and retention on the real engine over Azurite: afterwards no table, blob or queue message of the account —
/// complaints, timelines, outbox, deliveries, indexes, the task hub's history, instances and large messages — holds
/// the customer's email, phone, name or a sentence of what they wrote, while the complaint's facts and the month's
/// statistics stay.
/// </summary>
public sealed class PrivacyErasureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Erasing_a_customer_leaves_none_of_their_data_in_any_table_blob_or_queue_and_closes_their_open_complaint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await RunningHost.StartAsync(azurite);
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);
        var erased = Person.New();
        var kept = Person.New();

        var closedId = await SubmitAsync(driver, erased, $"My parcel {erased.Tag} arrived crushed and the courier laughed at me.", "A1");
        await ResolveAndConfirmAsync(driver, closedId, erased, $"Sent a new parcel {erased.Tag} today.", $"Thanks {erased.Tag}, the new parcel came.");
        var openId = await SubmitAsync(driver, erased, $"The refund for {erased.Tag} never reached my card and nobody answers.", "A2");
        await driver.WaitForStatusAsync(openId, "Assigned");
        var keptId = await SubmitAsync(driver, kept, $"My parcel {kept.Tag} arrived crushed and the courier laughed at me.", "B1");
        await driver.WaitForStatusAsync(keptId, "Assigned");

        using var refused = await PostEraseAsync(client, erased.Id, """{"requestedBy":"ops-wang"}""", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var nameless = await PostEraseAsync(client, erased.Id, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Equal("requestedBy", (await nameless.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors")[0].GetProperty("field").GetString());

        using var badId = await PostEraseAsync(client, "u-\u0001" + new string('x', 120), """{"requestedBy":"ops-wang"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("customerId", (await badId.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors")[0].GetProperty("field").GetString());
        using var notJson = await PostEraseAsync(client, erased.Id, "requestedBy=ops-wang", contentType: "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);

        using var answer = await PostEraseAsync(client, erased.Id, """{"requestedBy":"ops-wang"}""");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var erasure = await answer.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal([closedId, openId], erasure.GetProperty("complaints").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(1, erasure.GetProperty("closedWhileOpen").GetInt32());
        Assert.False(erasure.GetProperty("alreadyErased").GetBoolean());

        var leaks = await StorageScan.FindAsync(azurite.ConnectionString, erased.Needles, ct);
        Assert.True(leaks.Count == 0, "Still stored after erasure: " + string.Join("; ", leaks));
        var control = await StorageScan.FindAsync(azurite.ConnectionString, kept.Needles, ct);
        Assert.Contains(control, c => c.StartsWith("email in table", StringComparison.Ordinal)); // the scan does find what is stored

        var open = await driver.GetComplaintAsync(openId);
        Assert.Equal("Closed", open.GetProperty("status").GetString());
        Assert.Equal("Erased", open.GetProperty("outcome").GetString());
        Assert.Equal("ops-wang", open.GetProperty("erasedBy").GetString());
        Assert.Equal("PersonalDataErased", open.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString());
        var closed = await driver.GetComplaintAsync(closedId);
        Assert.Equal("Resolved", closed.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(closed.GetProperty("category").GetString()));
        Assert.Equal(5, closed.GetProperty("customerVerdict").GetProperty("rating").GetInt32());
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await durable.GetInstanceAsync(openId, cancellation: ct));
        Assert.Null(await durable.GetInstanceAsync(closedId, cancellation: ct));
        Assert.Equal("Assigned", (await driver.GetComplaintAsync(keptId)).GetProperty("status").GetString());

        using var again = await PostEraseAsync(client, erased.Id, """{"requestedBy":"ops-li"}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await again.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(repeat.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal("ops-wang", repeat.GetProperty("erasedBy").GetString());
        Assert.Equal(erasure.GetProperty("erasedAt").GetDateTimeOffset(), repeat.GetProperty("erasedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_retention_sweep_erases_complaints_closed_longer_ago_than_the_setting_and_the_months_statistics_stay_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await RunningHost.StartAsync(azurite, null, "--Privacy:RetainClosedFor=00:00:20", "--Privacy:SweepInterval=00:00:01");
        using var client = host.CreateClient();
        var driver = new HostDriver(host, client);
        var person = Person.New();
        var closedId = await SubmitAsync(driver, person, $"My parcel {person.Tag} arrived crushed and the courier laughed at me.", "R1");
        await ResolveAndConfirmAsync(driver, closedId, person, $"Sent a new parcel {person.Tag} today.", $"Thanks {person.Tag}, the new parcel came.");
        var openId = await SubmitAsync(driver, person, $"The refund for {person.Tag} never reached my card and nobody answers.", "R2");
        await driver.WaitForStatusAsync(openId, "Assigned");
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        await durable.WaitForInstanceCompletionAsync(closedId, cancellation: ct);
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var before = await StatsAsync(client, month);

        var record = await WaitUntilErasedAsync(driver, closedId);

        Assert.Equal(CustomerErasure.RetentionActor, record.GetProperty("erasedBy").GetString());
        Assert.Equal("Resolved", record.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, (await driver.GetComplaintAsync(openId)).GetProperty("erasedAt").ValueKind); // an open complaint is never swept
        Assert.Equal(before, await StatsAsync(client, month));
        using (var rebuild = new HttpRequestMessage(HttpMethod.Post, $"/api/stats/rebuild?month={month}"))
        {
            rebuild.Headers.Add(ApiKeyFilter.Header, RunningHost.ApiKey);
            using var rebuilt = await client.SendAsync(rebuild, ct);
            Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        }

        Assert.Equal(before, await StatsAsync(client, month));
        // The customer's open complaint keeps their contact details; the closed one's words are gone.
        var closedOnly = new Dictionary<string, string> { ["description"] = person.Needles["description"], ["comment"] = person.Needles["comment"], ["order"] = $"ord{person.Tag}R1" };
        var leaks = await StorageScan.FindAsync(azurite.ConnectionString, closedOnly, ct);
        Assert.True(leaks.Count == 0, "Still stored after the sweep: " + string.Join("; ", leaks));
    }

    private static async Task<string> SubmitAsync(HostDriver driver, Person person, string description, string order)
    {
        var body = JsonSerializer.Serialize(new
        {
            externalId = $"fb-erase-{person.Tag}-{order}",
            channel = "app-feedback",
            customer = new { id = person.Id, name = person.Name, email = person.Email, phone = person.Phone },
            subject = $"Delivery problem {person.Tag}",
            description,
            orderId = $"ord{person.Tag}{order}",
            locale = "en-US",
        });
        using var accepted = await driver.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return (await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("complaintId").GetString()!;
    }

    private static async Task ResolveAndConfirmAsync(HostDriver driver, string id, Person person, string resolution, string comment)
    {
        var decision = Assert.Single(HostDriver.ActionLinks(await driver.WaitForEmailAsync(id, EmailKind.AgentAssignment)));
        await driver.WaitForStatusAsync(id, "Assigned");
        var (_, decided) = await driver.SubmitFormAsync(decision, new Dictionary<string, string> { ["choice"] = "resolve", ["text"] = resolution });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var outcome = await driver.WaitForEmailAsync(id, EmailKind.Outcome, to: person.Email);
        var satisfied = HostDriver.ActionLinks(outcome).First(l => l.Query.Contains("choice=satisfied", StringComparison.Ordinal));
        var (_, confirmed) = await driver.SubmitFormAsync(satisfied, new Dictionary<string, string> { ["choice"] = "satisfied", ["rating"] = "5", ["comment"] = comment });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await driver.WaitForStatusAsync(id, "Closed");
        person.Needles["comment"] = comment;
        person.Needles["resolution"] = resolution;
    }

    private static async Task<HttpResponseMessage> PostEraseAsync(HttpClient client, string customerId, string body, string? key = RunningHost.ApiKey, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/customers/{Uri.EscapeDataString(customerId)}/erase")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyFilter.Header, key);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> StatsAsync(HttpClient client, string month)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stats?month={month}");
        request.Headers.Add(ApiKeyFilter.Header, RunningHost.ApiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> WaitUntilErasedAsync(HostDriver driver, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await driver.GetComplaintAsync(id);
            if (last.GetProperty("erasedAt").ValueKind != JsonValueKind.Null)
            {
                return last;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Complaint {id} was not swept; last seen: {last}");
        return last;
    }

    /// <summary>A customer whose every detail is unique to the test, so finding one anywhere in the account means it was not erased.</summary>
    private sealed record Person(string Tag, string Id, string Name, string Email, string Phone, Dictionary<string, string> Needles)
    {
        public static Person New()
        {
            var tag = Guid.NewGuid().ToString("N")[..10];
            var phone = "+86139" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var person = new Person(tag, "u-erase-" + tag, "Zhang Privacy" + tag, $"erase.{tag}@example.com", phone, []);
            person.Needles["customer id"] = person.Id;
            person.Needles["name"] = person.Name;
            person.Needles["email"] = person.Email;
            person.Needles["phone"] = phone;
            person.Needles["phone digits"] = phone[1..];
            person.Needles["description"] = $"My parcel {tag} arrived crushed";
            person.Needles["second description"] = $"The refund for {tag} never reached my card";
            person.Needles["order"] = $"ord{tag}";
            return person;
        }
    }
}
