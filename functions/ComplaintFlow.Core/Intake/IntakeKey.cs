namespace ComplaintFlow.Core.Intake;

/// <summary>What makes a delivery the same delivery: <c>webhook</c> + the <c>webhook-id</c>, or <c>queue</c> + the message id.</summary>
public sealed record IntakeKey(string Scope, string Key)
{
    public const string WebhookScope = "webhook";
    public const string QueueScope = "queue";
    public const string ExternalScope = "external";
}
