namespace ComplaintFlow.Infrastructure.Webhooks;

/// <summary>
/// Signs a delivery the way a Standard Webhooks sender does, for tests, benchmarks and the docs' examples. The
/// <c>webhook-timestamp</c> header to send alongside is <c>timestamp.ToUnixTimeSeconds()</c>.
/// </summary>
public sealed class WebhookSigner
{
    private readonly byte[] _key;

    /// <param name="secret">A <c>whsec_&lt;base64&gt;</c> secret, as in <c>Webhook:Secrets</c>.</param>
    public WebhookSigner(string secret)
    {
        if (!WebhookSecret.TryDecode(secret, out _key))
        {
            throw new ArgumentException("The secret is not of the form whsec_<base64>.", nameof(secret));
        }
    }

    /// <summary>The <c>webhook-signature</c> header value, <c>v1,&lt;base64&gt;</c>, for these exact body bytes.</summary>
    public string Sign(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Span<char> signature = stackalloc char[WebhookSecret.SignatureLength];
        WebhookSecret.Compute(_key, WebhookSecret.SignedPrefix(id, timestamp.ToUnixTimeSeconds()), body, signature);
        return string.Concat("v1,", signature);
    }
}
