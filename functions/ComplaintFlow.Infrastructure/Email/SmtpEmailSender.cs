using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ComplaintFlow.Core.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// Sends mail through an SMTP server with MailKit: multipart/alternative (plain text first, then HTML), UTF-8
/// subject and bodies, <c>Message-Id</c> derived from <see cref="EmailMessage.MessageId"/> (so a re-sent step
/// carries the same id and mail clients can thread or drop the duplicate), and <c>Auto-Submitted: auto-generated</c>.
/// </summary>
/// <remarks>
/// One connection per message, on purpose: workflow mail is a few messages per complaint, a fresh connection cannot
/// inherit a half-broken state from an earlier failure, and retries stay simple. The price is one (TLS) handshake per
/// message. Every SMTP step is bounded by <see cref="SmtpOptions.TimeoutSeconds"/>. Any failure throws
/// <see cref="EmailDeliveryException"/> (the activity retries); its message and the logs show the recipient masked only.
/// </remarks>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private const string FallbackDomain = "complaintflow.local";

    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SmtpEmailSender> _logger;

    public SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mime = ToMime(message);
        var smtp = _options.Smtp;
        var recipient = PersonalData.MaskEmail(message.To);
        try
        {
            using var client = new SmtpClient { Timeout = checked(smtp.TimeoutSeconds * 1000) };
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
            }

            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var (transient, what) = Describe(ex, message.To, recipient);
            LogFailed(_logger, message.Kind, message.MessageId, recipient, transient, what);
            throw new EmailDeliveryException(
                $"SMTP delivery of {message.Kind} email {message.MessageId} to {recipient} via {smtp.Host}:{smtp.Port} failed: {what}", transient);
        }

        LogSent(_logger, message.Kind, message.MessageId, recipient);
    }

    /// <summary>The MIME message <see cref="SendAsync"/> sends; exposed for tests and for transports that need raw MIME.</summary>
    public MimeMessage ToMime(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.From));
        mime.To.Add(new MailboxAddress(message.ToName, message.To));
        mime.Subject = message.Subject;
        mime.MessageId = MessageIdHeader(message.MessageId, _options.From);
        mime.Date = _time.GetUtcNow();
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-ComplaintFlow-Kind", message.Kind.ToString());
        if (!string.IsNullOrWhiteSpace(message.ComplaintId))
        {
            mime.Headers.Add("X-ComplaintFlow-Complaint", message.ComplaintId);
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary><c>{MessageId}@{sender's domain}</c>, with anything not allowed in a msg-id's left part replaced by '-'.</summary>
    internal static string MessageIdHeader(string messageId, string from)
    {
        var at = from.LastIndexOf('@');
        var domain = at >= 0 && at < from.Length - 1 ? from[(at + 1)..].Trim() : FallbackDomain;
        var left = new StringBuilder(messageId.Length);
        foreach (var c in messageId)
        {
            var dotAllowed = c == '.' && left.Length > 0 && left[^1] != '.';
            left.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || dotAllowed ? c : '-');
        }

        if (left.Length > 0 && left[^1] == '.')
        {
            left[^1] = '-';
        }

        return (left.Length == 0 ? "complaintflow" : left.ToString()) + "@" + domain;
    }

    private static (bool Transient, string What) Describe(Exception ex, string address, string masked)
    {
        var transient = ex switch
        {
            SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
            AuthenticationException => false,
            SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException or OperationCanceledException => true,
            _ => false,
        };
        var detail = ex switch
        {
            SmtpCommandException command => string.Create(CultureInfo.InvariantCulture, $"{(int)command.StatusCode} {command.ErrorCode}: {command.Message}"),
            OperationCanceledException => "timed out",
            _ => ex.Message,
        };
        var scrubbed = string.IsNullOrEmpty(address) ? detail : detail.Replace(address, masked, StringComparison.OrdinalIgnoreCase);
        return (transient, $"{ex.GetType().Name}: {scrubbed}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email {MessageId} to {Recipient} by SMTP")]
    private static partial void LogSent(ILogger logger, EmailKind kind, string messageId, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Kind} email {MessageId} to {Recipient} by SMTP (transient: {Transient}): {What}")]
    private static partial void LogFailed(ILogger logger, EmailKind kind, string messageId, string recipient, bool transient, string what);
}
