using Azure.Storage.Queues.Models;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Infrastructure.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Functions;

/// <summary>
/// The queue intake, and the timers behind it: intake records inline here, so the five-minute sweep only finds what a
/// crash or a failed try left unrecorded; recorded deliveries past <c>Recording:KeepDeliveries</c> are deleted hourly.
/// </summary>
public sealed class IntakeFunctions(BoundDurableClient durable, QueueIntakeProcessor processor, DeliverySweep sweep)
{
    /// <summary>
    /// A message not processed throws, so it comes back after the visibility timeout; on its last try the processor has
    /// copied it with the reason to the poison queue, and returning deletes it (see host.json's <c>maxDequeueCount</c>).
    /// </summary>
    [Function("ReceiveComplaint")]
    public async Task Receive([QueueTrigger("complaints-inbound", Connection = "AzureWebJobsStorage")] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        durable.Bind(client);
        var outcome = await processor.ProcessAsync(message.MessageId, message.Body.ToString(), message.DequeueCount, ct);
        if (!outcome.Processed && !outcome.MoveToPoison)
        {
            throw new InvalidOperationException($"Queue message {message.MessageId} not processed on try {message.DequeueCount}; it will be tried again.");
        }
    }

    [Function("RecordUnrecorded")]
    public async Task RecordUnrecorded([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await sweep.RecordUnrecordedAsync(ct);
    }

    [Function("ForgetRecorded")]
    public Task ForgetRecorded([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken ct) => sweep.ForgetRecordedAsync(ct);
}
