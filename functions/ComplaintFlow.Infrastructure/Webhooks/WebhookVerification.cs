using System.Diagnostics.CodeAnalysis;

namespace ComplaintFlow.Infrastructure.Webhooks;

/// <summary>
/// The outcome of checking a delivery's Standard Webhooks headers: valid, or which header is wrong and why. The
/// detail is safe to send back to the sender (in a 401 problem body): it never holds a secret or a signature.
/// </summary>
public sealed record WebhookVerification
{
    private WebhookVerification(string? header, string? detail)
    {
        Header = header;
        Detail = detail;
    }

    /// <summary>The delivery is signed by one of the configured secrets, within the tolerance.</summary>
    public static WebhookVerification Success { get; } = new(null, null);

    /// <summary>True when the delivery may be processed.</summary>
    [MemberNotNullWhen(false, nameof(Header), nameof(Detail))]
    public bool IsValid => Header is null;

    /// <summary>On failure, the header at fault: <c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c>.</summary>
    public string? Header { get; }

    /// <summary>On failure, a sentence saying what is wrong and what to check.</summary>
    public string? Detail { get; }

    public static WebhookVerification Failure(string header, string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(header);
        ArgumentException.ThrowIfNullOrEmpty(detail);
        return new WebhookVerification(header, detail);
    }
}
