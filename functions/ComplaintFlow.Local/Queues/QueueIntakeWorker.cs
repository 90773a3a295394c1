using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ComplaintFlow.Infrastructure.Queues;

namespace ComplaintFlow.Local.Queues;

/// <summary>
/// The local host's queue trigger: polls <c>complaints-inbound</c>, hands each message to the shared processor, deletes
/// it when processed, leaves it to reappear after the visibility timeout when not, and on the last try moves it to
/// <c>complaints-inbound-poison</c> with the reason (the processor writes that copy; Functions' trigger works the same way).
/// Each message stands alone, as in Functions: one that fails (its poison copy cannot be written, its delete is refused)
/// stays on the queue to be tried again, and the rest of the batch is still processed.
/// </summary>
public sealed partial class QueueIntakeWorker(
    QueueServiceClient queues,
    QueueIntakeProcessor processor,
    IntakeQueueOptions options,
    ILogger<QueueIntakeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbound = queues.GetQueueClient(options.QueueName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await inbound.ReceiveMessagesAsync(maxMessages: 16, options.VisibilityTimeout, stoppingToken);
                foreach (var message in received.Value)
                {
                    await HandleAsync(inbound, message, stoppingToken);
                }

                if (received.Value.Length == 0)
                {
                    await Task.Delay(options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
            {
                LogPollFailed(logger, ex.Message);
                await Task.Delay(options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(QueueClient inbound, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await processor.ProcessAsync(message.MessageId, message.Body.ToString(), message.DequeueCount, stoppingToken);
            if (outcome.Processed || outcome.MoveToPoison)
            {
                await inbound.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMessageFailed(logger, message.MessageId, message.DequeueCount, ex is Azure.RequestFailedException failed ? $"{failed.Status} {failed.ErrorCode}" : ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} failed on try {DequeueCount} ({Error}); it stays on the queue and will be tried again")]
    private static partial void LogMessageFailed(ILogger logger, string messageId, long dequeueCount, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the intake queue failed: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
