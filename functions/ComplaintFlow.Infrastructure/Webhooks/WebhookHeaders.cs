namespace ComplaintFlow.Infrastructure.Webhooks;

/// <summary>The Standard Webhooks header names (lower case; HTTP header names are case-insensitive).</summary>
public static class WebhookHeaders
{
    /// <summary>The delivery's unique id; the same on every retry of one delivery.</summary>
    public const string Id = "webhook-id";

    /// <summary>When the delivery was signed, in unix seconds.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>A space-separated list of <c>v1,&lt;base64&gt;</c> signatures.</summary>
    public const string Signature = "webhook-signature";
}
