namespace ComplaintFlow.Infrastructure.Queues;

/// <summary>What to do with an intake queue message after processing it.</summary>
/// <param name="Processed">True: delete it (a complaint was started, or it repeats one that was).</param>
/// <param name="Reason">Why it could not be processed.</param>
/// <param name="MoveToPoison">True: the last try failed; move it, with <paramref name="Reason"/>, to the poison queue.</param>
public sealed record QueueMessageOutcome(bool Processed, string? Reason = null, bool MoveToPoison = false);
