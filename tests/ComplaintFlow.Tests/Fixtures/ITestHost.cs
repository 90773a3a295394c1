using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Webhooks;

namespace ComplaintFlow.Tests.Fixtures;

/// <summary>What a test needs of a host it drives from outside: how to sign its webhooks and where its emails are.</summary>
public interface ITestHost
{
    WebhookSigner Signer { get; }

    IOutboxReader Outbox { get; }
}
