namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// Sends one email. Implementations throw when the message could not be handed over, so the calling activity
/// retries; sending the same <see cref="EmailMessage.MessageId"/> again sends or stores it once where the
/// transport allows (the outbox and ACS do; SMTP cannot).
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}
