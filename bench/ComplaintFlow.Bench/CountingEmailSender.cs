using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Bench;

/// <summary>Renders and counts every email, then lets it go, as a real transport does once it is sent.</summary>
internal sealed class CountingEmailSender : IEmailSender
{
    private int _sent;

    public int Sent => _sent;

    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }
}
