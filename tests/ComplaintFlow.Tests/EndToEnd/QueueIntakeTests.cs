using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Infrastructure.Queues;
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
                .FirstOrDefault(p => p.OriginalMessage.Contains(marker, StringComparison.Ordinal));
        });

        Assert.NotNull(poisoned);
        Assert.Contains("description", poisoned.Reason, StringComparison.Ordinal);
        Assert.Equal(Options.MaxDequeueCount, poisoned.DequeueCount);
        Assert.Equal(before, await CountInstancesAsync());
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
