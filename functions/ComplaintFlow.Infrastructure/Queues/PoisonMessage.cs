namespace ComplaintFlow.Infrastructure.Queues;

/// <summary>What goes to <c>complaints-inbound-poison</c>: the original message, untouched, and why it was given up on.</summary>
public sealed record PoisonMessage(string MessageId, string Reason, long DequeueCount, DateTimeOffset FailedAt, string OriginalMessage);
