using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Orchestration;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Infrastructure.Queues;

/// <summary>
/// Starts complaints from <c>complaints-inbound</c> messages: the same JSON as the webhook, as plain text or base64.
/// The message id is the delivery key, so a message delivered again after it was processed starts nothing new.
/// A message that cannot be processed is tried again until its last try, then copied to the poison queue with the reason.
/// Both hosts' queue triggers call this and only decide what happens to the message itself: delete it when
/// <see cref="QueueMessageOutcome.Processed"/> or <see cref="QueueMessageOutcome.MoveToPoison"/>, else let it come back.
/// </summary>
/// <remarks>
/// A poison copy must fit in one queue message (64 KiB), and the original alone may nearly fill one; JSON escaping
/// (<c>"</c>, <c>&lt;</c>, line breaks) and the reason can push the copy over. Such an original is kept whole in
/// <see cref="TablePoisonArchive"/> first and the poison copy names where it is, so every message leaves the inbound
/// queue with nothing lost. Truncating the copy instead would lose what the sender sent, which the design forbids.
/// </remarks>
public sealed partial class QueueIntakeProcessor(
    ComplaintIntake intake,
    QueueServiceClient queues,
    TablePoisonArchive archive,
    IntakeQueueOptions options,
    TimeProvider time,
    ILogger<QueueIntakeProcessor> logger)
{
    /// <summary>The most field errors a reason lists; the rest are counted (all of them can be found again from the original).</summary>
    public const int MaxListedErrors = 20;

    /// <summary>The longest reason written; a longer one (a storage error's full text) is cut, saying so.</summary>
    public const int MaxReasonLength = 4_000;

    public async Task<QueueMessageOutcome> ProcessAsync(string messageId, string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var outcome = await TryAsync(messageId, messageText, dequeueCount, cancellationToken);
        if (outcome.MoveToPoison)
        {
            await PoisonAsync(new PoisonMessage(messageId, outcome.Reason!, dequeueCount, time.GetUtcNow(), messageText, messageText.Length), cancellationToken);
        }

        return outcome;
    }

    private async Task PoisonAsync(PoisonMessage whole, CancellationToken cancellationToken)
    {
        var copy = JsonSerializer.Serialize(whole, WorkflowJson.Options);
        if (Encoding.UTF8.GetByteCount(copy) > PoisonMessage.MaxQueueMessageBytes)
        {
            var reference = whole with { OriginalMessage = null, OriginalStoredIn = archive.TableName };
            await archive.KeepAsync(reference, whole.OriginalMessage!, cancellationToken);
            copy = JsonSerializer.Serialize(reference, WorkflowJson.Options);
            LogKeptInTable(logger, whole.MessageId, whole.OriginalLength, archive.TableName);
        }

        await queues.GetQueueClient(options.PoisonQueueName).SendMessageAsync(copy, cancellationToken);
    }

    private async Task<QueueMessageOutcome> TryAsync(string messageId, string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        string reason;
        string? logReason = null; // the reason without field values, which may be personal data
        try
        {
            var body = Decode(messageText);
            var parsed = SubmissionParser.Parse(body);
            if (parsed.IsValid)
            {
                var outcome = await intake.AcceptAsync(parsed.Submission!, new IntakeKey(IntakeKey.QueueScope, messageId), RequestFingerprint.Of(body), cancellationToken);
                switch (outcome.Kind)
                {
                    case IntakeOutcomeKind.Accepted:
                        LogStarted(logger, messageId, outcome.Receipt!.ComplaintId, outcome.IsRepeat);
                        return new QueueMessageOutcome(Processed: true);
                    case IntakeOutcomeKind.Restricted:
                        reason = $"The customer is restricted until {outcome.Restriction!.Until:u}: {outcome.Restriction.Reason} (restriction {outcome.Restriction.Key}).";
                        break;
                    default:
                        reason = "This message id was already used for a different message body.";
                        break;
                }
            }
            else
            {
                reason = "Invalid complaint: " + Listed(parsed.Errors, e => string.IsNullOrEmpty(e.Field) ? e.Message : $"{e.Field}: {e.Message}", "; ");
                logReason = "Invalid complaint; fields: " + Listed(parsed.Errors, e => string.IsNullOrEmpty(e.Field) ? "(body)" : e.Field, ", ");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reason = $"Processing failed: {ex.GetType().Name}: {ex.Message}";
            logReason = $"Processing failed: {ex.GetType().Name}";
        }

        var last = dequeueCount >= options.MaxDequeueCount;
        LogFailed(logger, messageId, dequeueCount, last, Bounded(logReason ?? reason));
        return new QueueMessageOutcome(Processed: false, Bounded(reason), MoveToPoison: last);
    }

    private static string Listed(IReadOnlyList<FieldError> errors, Func<FieldError, string> describe, string separator)
    {
        var listed = string.Join(separator, errors.Take(MaxListedErrors).Select(describe));
        return errors.Count > MaxListedErrors
            ? listed + string.Create(CultureInfo.InvariantCulture, $"{separator}and {errors.Count - MaxListedErrors} more")
            : listed;
    }

    private static string Bounded(string reason) =>
        reason.Length <= MaxReasonLength
            ? reason
            : string.Concat(reason.AsSpan(0, MaxReasonLength), string.Create(CultureInfo.InvariantCulture, $"… (cut; {reason.Length:N0} characters in all)"));

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The message's JSON bytes: base64 when it decodes to a JSON object, the text itself otherwise.</summary>
    public static byte[] Decode(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var trimmed = messageText.Trim();
        if (!trimmed.StartsWith('{') && trimmed.Length % 4 == 0)
        {
            var buffer = new byte[trimmed.Length];
            if (Convert.TryFromBase64String(trimmed, buffer, out var written))
            {
                var decoded = buffer.AsSpan(0, written);
                if (decoded.StartsWith(Utf8ByteOrderMark))
                {
                    decoded = decoded[Utf8ByteOrderMark.Length..];
                }

                var first = decoded.TrimStart(" \t\r\n"u8);
                if (first.Length > 0 && first[0] == (byte)'{')
                {
                    return decoded.ToArray();
                }
            }
        }

        return Encoding.UTF8.GetBytes(messageText);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue message {MessageId} started complaint {ComplaintId} (repeat: {IsRepeat})")]
    private static partial void LogStarted(ILogger logger, string messageId, string complaintId, bool isRepeat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} ({Length} characters) is too large to poison whole; its original is kept in table {Table}")]
    private static partial void LogKeptInTable(ILogger logger, string messageId, int length, string table);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} not processed on try {DequeueCount} (last: {IsLast}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string messageId, long dequeueCount, bool isLast, string reason);
}
