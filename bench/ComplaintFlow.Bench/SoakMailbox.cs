using System.Threading.Channels;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Bench;

/// <summary>
/// The soak's mailbox: every email goes on to the host's own transport (the outbox table, as a user runs the local host)
/// and then into <see cref="Received"/>, where the soak's agents and customers read it, so the workflow's activity never
/// waits for them.
/// </summary>
internal sealed class SoakMailbox(IEmailSender next) : IEmailSender
{
    private readonly Channel<EmailMessage> _received = Channel.CreateUnbounded<EmailMessage>();

    public ChannelReader<EmailMessage> Received => _received.Reader;

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await next.SendAsync(message, ct);
        _received.Writer.TryWrite(message);
    }
}
