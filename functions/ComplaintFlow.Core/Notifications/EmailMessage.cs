using System.Globalization;
using System.Text;

namespace ComplaintFlow.Core.Notifications;

/// <summary>One email, ready to send.</summary>
/// <param name="MessageId">
/// Deterministic per workflow step (see <see cref="IdFor"/>), so an activity that runs twice sends or stores the
/// message once where the transport allows. Also becomes the SMTP <c>Message-Id</c> and, as a name-based UUID, the
/// ACS <c>Operation-Id</c>.
/// </param>
/// <param name="To">The recipient's address. Personal data: never logged unmasked (<see cref="PersonalData.MaskEmail"/>).</param>
/// <param name="ToName">The recipient's display name, if known; kept header-safe (<see cref="HeaderText"/>).</param>
/// <param name="Subject">The subject line; kept header-safe (<see cref="HeaderText"/>).</param>
/// <param name="HtmlBody">The HTML part.</param>
/// <param name="TextBody">The plain-text part, with every URL in full.</param>
/// <param name="Kind">Which workflow email this is.</param>
/// <param name="ComplaintId">The complaint it is about, if any.</param>
public sealed record EmailMessage(
    string MessageId,
    string To,
    string? ToName,
    string Subject,
    string HtmlBody,
    string TextBody,
    EmailKind Kind,
    string? ComplaintId)
{
    private readonly string? _toName = ToName is null ? null : HeaderText.Neutralize(ToName);
    private readonly string _subject = HeaderText.Neutralize(Subject);

    /// <summary>
    /// The recipient's display name, made header-safe however the message is made (constructor, <c>with</c>, JSON),
    /// so no transport ever sees a customer's line separator or encoded-word.
    /// </summary>
    public string? ToName
    {
        get => _toName;
        init => _toName = value is null ? null : HeaderText.Neutralize(value);
    }

    /// <summary>The subject line, made header-safe however the message is made.</summary>
    public string Subject
    {
        get => _subject;
        init => _subject = HeaderText.Neutralize(value);
    }

    /// <summary>
    /// A message id that is the same every time the same workflow step sends: <c>{complaintId}.{kind}.{step}</c>,
    /// e.g. <c>C-202611-02K7M3QX9A.reminder.r1-t1-firstresponse-80</c>. Only letters, digits, '-', '_' and '.' are
    /// kept (anything else becomes '-'), so the id is safe as a storage key and as the left part of a Message-Id.
    /// </summary>
    /// <param name="complaintId">The complaint, or null for mail about no single complaint.</param>
    /// <param name="kind">The kind of email.</param>
    /// <param name="step">What makes this send unique within the complaint and kind: round, tier, recipient role, fraction…</param>
    public static string IdFor(string? complaintId, EmailKind kind, string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        var builder = new StringBuilder();
        Append(builder, string.IsNullOrWhiteSpace(complaintId) ? "none" : complaintId);
        builder.Append('.');
        builder.Append(kind.ToString().ToLowerInvariant());
        builder.Append('.');
        Append(builder, step);
        return builder.ToString();

        static void Append(StringBuilder builder, string part)
        {
            foreach (var c in part.Trim())
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
            }
        }
    }

    /// <summary>Builds the message for <paramref name="to"/> from rendered <paramref name="content"/>.</summary>
    public static EmailMessage Create(string messageId, string to, string? toName, EmailKind kind, string? complaintId, EmailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new EmailMessage(messageId, to, toName, content.Subject, content.Html, content.Text, kind, complaintId);
    }

    /// <summary>A short description without personal data, for logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {MessageId} to {PersonalData.MaskEmail(To)}");
}
