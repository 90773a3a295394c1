namespace ComplaintFlow.Infrastructure.Queues;

/// <summary>
/// What goes to <c>complaints-inbound-poison</c>: the original message, untouched, and why it was given up on.
/// A queue message holds at most 64 KiB, so when the whole copy (the original JSON-escaped, with the reason) would not
/// fit, <see cref="OriginalMessage"/> is null and the original is kept whole in the table named by
/// <see cref="OriginalStoredIn"/>, under <see cref="MessageId"/> (read it back with <see cref="TablePoisonArchive"/>).
/// </summary>
/// <param name="MessageId">The inbound message's id.</param>
/// <param name="Reason">Why it could not be processed (the field errors the webhook would answer).</param>
/// <param name="DequeueCount">How many times it was tried.</param>
/// <param name="FailedAt">When the last try failed.</param>
/// <param name="OriginalMessage">The message text as received; null when it is kept in <paramref name="OriginalStoredIn"/>.</param>
/// <param name="OriginalLength">The original message's length in characters, whichever way it is kept.</param>
/// <param name="OriginalStoredIn">The table holding the original when it did not fit here; null when it is here.</param>
public sealed record PoisonMessage(
    string MessageId, string Reason, long DequeueCount, DateTimeOffset FailedAt, string? OriginalMessage, int OriginalLength, string? OriginalStoredIn = null)
{
    /// <summary>The most a queue message may hold, in UTF-8 bytes (the service's and Azurite's limit).</summary>
    public const int MaxQueueMessageBytes = 64 * 1024;
}
