using Azure.Storage.Queues;
using ComplaintFlow.Infrastructure.Queues;

namespace ComplaintFlow.Local.Queues;

/// <summary>
/// The local host's queue trigger: polls <c>complaints-inbound</c>, hands each message to the shared processor, deletes
/// it when processed, leaves it to reappear after the visibility timeout when not, and on the last try moves it to
/// <c>complaints-inbound-poison</c> with the reason (the processor writes that copy; Functions' trigger works the same way).
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
                    var outcome = await processor.ProcessAsync(message.MessageId, message.Body.ToString(), message.DequeueCount, stoppingToken);
                    if (outcome.Processed || outcome.MoveToPoison)
                    {
                        await inbound.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
                    }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the intake queue failed: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
