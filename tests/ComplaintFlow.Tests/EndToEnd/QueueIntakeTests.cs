using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Queues;
using ComplaintFlow.Local.Queues;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>Queue intake on the real host: plain and base64 messages start complaints; bad ones end in the poison queue with the reason.</summary>
public sealed class QueueIntakeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    private QueueServiceClient Queues => Host.Services.GetRequiredService<QueueServiceClient>();

    private IntakeQueueOptions Options => Host.Services.GetRequiredService<IntakeQueueOptions>();

    [Fact]
    public async Task Base64_message_starts_a_complaint()
    {
        var externalId = "fb-b64-" + Guid.NewGuid().ToString("N")[..8];
        await Queues.GetQueueClient(Options.QueueName).SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(HostDriver.ComplaintJson(externalId))), TestContext.Current.CancellationToken);

        var email = await WaitForAsync(async () =>
            (await Host.Outbox.ListAsync(100, null, null, TestContext.Current.CancellationToken))
                .Select(e => e.Message)
                .FirstOrDefault(m => m.Kind == EmailKind.AgentAssignment && m.TextBody.Contains(externalId, StringComparison.Ordinal)));
        Assert.NotNull(email);
    }

    [Fact]
    public async Task Malformed_message_goes_to_the_poison_queue_with_the_reason_after_the_last_try_and_starts_nothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var before = await CountInstancesAsync();
        await Queues.GetQueueClient(Options.QueueName).SendMessageAsync($"{{\"description\": 42, \"marker\": \"{marker}\"}}", TestContext.Current.CancellationToken);

        var poisoned = await WaitForAsync(async () =>
        {
            var peeked = await Queues.GetQueueClient(Options.PoisonQueueName).PeekMessagesAsync(32, TestContext.Current.CancellationToken);
            return peeked.Value
                .Select(m => JsonSerializer.Deserialize<PoisonMessage>(m.Body.ToString(), WorkflowJson.Options)!)
                .FirstOrDefault(p => p.OriginalMessage?.Contains(marker, StringComparison.Ordinal) == true);
        });

        Assert.NotNull(poisoned);
        Assert.Contains("description", poisoned.Reason, StringComparison.Ordinal);
        Assert.Null(poisoned.OriginalStoredIn);
        Assert.Equal(Options.MaxDequeueCount, poisoned.DequeueCount);
        Assert.Equal(before, await CountInstancesAsync());
    }

    /// <summary>Text whose poison copy (JSON-escaped, with the reason) is over the queue's 64 KiB though the message is not.</summary>
    private static string SixtyThousandCharacterText() =>
        string.Concat(Enumerable.Repeat("<b>\"Refund\"</b> & more\n", 3000))[..60_000];

    private static string FiveThousandDeepJson() =>
        string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);

    [Fact]
    public async Task A_60000_character_text_message_too_large_to_poison_whole_leaves_the_inbound_queue_and_is_kept_whole()
    {
        var text = SixtyThousandCharacterText();
        Assert.Equal(60_000, text.Length);

        var poisoned = await AssertPoisonedAndGoneAsync(text);

        Assert.Contains("not valid JSON", poisoned.Reason, StringComparison.Ordinal);
        await AssertKeptWholeInTheTableAsync(poisoned, text);
    }

    [Fact]
    public async Task A_5000_deep_json_message_too_large_to_poison_whole_leaves_the_inbound_queue_and_is_kept_whole()
    {
        // 30,000 characters, but its 10,000 quotes are escaped as \u0022 in the poison copy: over 64 KiB.
        var json = FiveThousandDeepJson();

        var poisoned = await AssertPoisonedAndGoneAsync(json);

        Assert.Contains("depth", poisoned.Reason, StringComparison.Ordinal);
        await AssertKeptWholeInTheTableAsync(poisoned, json);
    }

    [Fact]
    public async Task A_message_with_thousands_of_field_errors_is_poisoned_listing_the_first_and_counting_the_rest()
    {
        var keys = string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"!{i}\":\"\""));
        var json = $"{{\"channel\":\"web\",\"description\":\"x\",\"metadata\":{{{keys}}}}}";

        var poisoned = await AssertPoisonedAndGoneAsync(json);

        Assert.Contains("'!0'", poisoned.Reason, StringComparison.Ordinal);
        Assert.Contains("more", poisoned.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("'!2999'", poisoned.Reason, StringComparison.Ordinal);
        await AssertKeptWholeInTheTableAsync(poisoned, json);
    }

    private async Task AssertKeptWholeInTheTableAsync(PoisonMessage poisoned, string original)
    {
        Assert.Null(poisoned.OriginalMessage);
        Assert.Equal(Host.TablePrefix + "poison", poisoned.OriginalStoredIn);
        var kept = await Host.Services.GetRequiredService<TablePoisonArchive>().ReadAsync(poisoned.MessageId, TestContext.Current.CancellationToken);
        Assert.Equal(original, kept);
    }

    [Fact]
    public async Task A_message_that_cannot_be_poisoned_stays_on_the_queue_and_the_messages_behind_it_are_still_processed()
    {
        // A poison queue that does not exist: writing the poison copy fails for the first message, on its only try.
        var name = AzuriteFixture.UniqueName("iso");
        var options = new IntakeQueueOptions
        {
            QueueName = name,
            PoisonQueueName = name + "-missing",
            MaxDequeueCount = 1,
            VisibilityTimeout = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(200),
        };
        var inbound = Queues.GetQueueClient(name);
        await inbound.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var bad = (await inbound.SendMessageAsync("not a complaint " + name, TestContext.Current.CancellationToken)).Value.MessageId;
        var externalIds = new[] { "fb-behind-1-" + name, "fb-behind-2-" + name };
        foreach (var externalId in externalIds)
        {
            await inbound.SendMessageAsync(HostDriver.ComplaintJson(externalId), TestContext.Current.CancellationToken);
        }

        var processor = ActivatorUtilities.CreateInstance<QueueIntakeProcessor>(Host.Services, options);
        using var worker = ActivatorUtilities.CreateInstance<QueueIntakeWorker>(Host.Services, processor, options);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            foreach (var externalId in externalIds)
            {
                var email = await WaitForAsync(async () =>
                    (await Host.Outbox.ListAsync(100, null, null, TestContext.Current.CancellationToken))
                        .Select(e => e.Message)
                        .FirstOrDefault(m => m.Kind == EmailKind.AgentAssignment && m.TextBody.Contains(externalId, StringComparison.Ordinal)));
                Assert.NotNull(email);
            }
        }
        finally
        {
            await worker.StopAsync(TestContext.Current.CancellationToken);
        }

        PeekedMessage[] left = [];
        await Eventually.TrueAsync(
            async () =>
            {
                left = (await inbound.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value;
                return left.Length > 0;
            },
            TimeSpan.FromSeconds(10),
            "The message whose poison copy could not be written was lost from the inbound queue.");
        Assert.Equal(bad, Assert.Single(left).MessageId);
    }

    private async Task<PoisonMessage> AssertPoisonedAndGoneAsync(string text)
    {
        var inbound = Queues.GetQueueClient(Options.QueueName);
        var sent = await inbound.SendMessageAsync(text, TestContext.Current.CancellationToken);
        var id = sent.Value.MessageId;

        var poisoned = await WaitForAsync(async () =>
        {
            var peeked = await Queues.GetQueueClient(Options.PoisonQueueName).PeekMessagesAsync(32, TestContext.Current.CancellationToken);
            return peeked.Value
                .Select(m => JsonSerializer.Deserialize<PoisonMessage>(m.Body.ToString(), WorkflowJson.Options)!)
                .FirstOrDefault(p => p.MessageId == id);
        });

        Assert.NotNull(poisoned);
        Assert.Equal(Options.MaxDequeueCount, poisoned.DequeueCount);
        Assert.Equal(text.Length, poisoned.OriginalLength);
        await Eventually.TrueAsync(
            async () => (await inbound.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount == 0,
            TimeSpan.FromSeconds(10),
            "The message is still on the inbound queue after its poison copy was written.");
        return poisoned;
    }

    private async Task<int> CountInstancesAsync()
    {
        var count = 0;
        await foreach (var _ in Host.Services.GetRequiredService<DurableTaskClient>().GetAllInstancesAsync())
        {
            count++;
        }

        return count;
    }

    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 300; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return null;
    }
}
