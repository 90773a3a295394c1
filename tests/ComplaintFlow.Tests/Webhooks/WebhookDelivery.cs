using System.Globalization;
using ComplaintFlow.Infrastructure.Webhooks;

namespace ComplaintFlow.Tests.Webhooks;

/// <summary>One delivery as it arrives: the three Standard Webhooks header values and the raw body.</summary>
internal sealed record WebhookDelivery(string? Id, string? Timestamp, string? Signature, byte[] Body)
{
    public WebhookVerification VerifyWith(WebhookVerifier verifier) => verifier.Verify(Id, Timestamp, Signature, Body);
}

/// <summary>Builds signed deliveries: <c>WebhookDeliveryBuilder.At(now).SignedWith(secret).Build()</c>.</summary>
internal sealed class WebhookDeliveryBuilder
{
    private string _id = "msg_2Lh7ZwQK3m9xN4pR8sTv";
    private readonly DateTimeOffset _signedAt;
    private byte[] _body = "{\"externalId\":\"fb-20261122-0001\",\"subject\":\"骑手态度恶劣\"}\n"u8.ToArray();
    private readonly List<string> _secrets = [];

    private WebhookDeliveryBuilder(DateTimeOffset signedAt) => _signedAt = signedAt;

    public static WebhookDeliveryBuilder At(DateTimeOffset signedAt) => new(signedAt);

    public WebhookDeliveryBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public WebhookDeliveryBuilder WithBody(byte[] body)
    {
        _body = body;
        return this;
    }

    /// <summary>Adds a signature with this secret; call more than once for a header with several signatures.</summary>
    public WebhookDeliveryBuilder SignedWith(string secret)
    {
        _secrets.Add(secret);
        return this;
    }

    public WebhookDelivery Build()
    {
        var signatures = _secrets.Select(secret => new WebhookSigner(secret).Sign(_id, _signedAt, _body));
        return new WebhookDelivery(
            _id,
            _signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            string.Join(' ', signatures),
            _body);
    }
}
