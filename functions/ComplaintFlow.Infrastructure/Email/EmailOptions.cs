using System.Text.RegularExpressions;
using MimeKit;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>Section <c>Email</c>: how mail is sent and who it comes from.</summary>
public sealed partial class EmailOptions
{
    public const string SectionName = "Email";

    public EmailTransport Transport { get; set; } = EmailTransport.Outbox;

    /// <summary>The sender address, e.g. <c>complaints@example.com</c>. Required.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The sender's display name, e.g. <c>Example Complaints</c>.</summary>
    public string? FromName { get; set; }

    /// <summary>The table <see cref="TableOutbox"/> stores mail in when <see cref="Transport"/> is <see cref="EmailTransport.Outbox"/>.</summary>
    public string OutboxTable { get; set; } = TableOutbox.DefaultTableName;

    public SmtpOptions Smtp { get; set; } = new();

    public AcsOptions Acs { get; set; } = new();

    /// <summary>What is wrong with these settings, each naming the setting to fix; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(From))
        {
            errors.Add("Email:From is required: the sender address, e.g. complaints@example.com.");
        }
        else if (!MailboxAddress.TryParse(From, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal) || !string.IsNullOrEmpty(mailbox.Name))
        {
            errors.Add($"Email:From '{From}' is not an email address; put the display name in Email:FromName.");
        }

        switch (Transport)
        {
            case EmailTransport.Outbox when !TableName().IsMatch(OutboxTable ?? string.Empty):
                errors.Add($"Email:OutboxTable '{OutboxTable}' is not a valid table name (3–63 letters and digits, starting with a letter).");
                break;
            case EmailTransport.Smtp:
                if (string.IsNullOrWhiteSpace(Smtp.Host))
                {
                    errors.Add("Email:Smtp:Host is required when Email:Transport is Smtp.");
                }

                if (Smtp.Port is < 1 or > 65535)
                {
                    errors.Add($"Email:Smtp:Port {Smtp.Port} is not a TCP port (1–65535).");
                }

                if (string.IsNullOrEmpty(Smtp.UserName) != string.IsNullOrEmpty(Smtp.Password))
                {
                    errors.Add("Email:Smtp:UserName and Email:Smtp:Password go together: set both to authenticate, or neither.");
                }

                if (Smtp.TimeoutSeconds is < 1 or > 600)
                {
                    errors.Add($"Email:Smtp:TimeoutSeconds {Smtp.TimeoutSeconds} must be between 1 and 600.");
                }

                break;
            case EmailTransport.Acs:
                if (!string.IsNullOrWhiteSpace(Acs.ConnectionString))
                {
                    errors.Add("Email:Acs:ConnectionString is not supported: the ACS sender authenticates with the app's managed identity. Remove it and set Email:Acs:Endpoint.");
                }

                if (Acs.Endpoint is null)
                {
                    errors.Add("Email:Acs:Endpoint is required when Email:Transport is Acs: https:// and the resource's host name, e.g. https://my-acs.communication.azure.com.");
                }
                else if (!Acs.Endpoint.IsAbsoluteUri || Acs.Endpoint.Scheme != Uri.UriSchemeHttps)
                {
                    errors.Add($"Email:Acs:Endpoint '{Acs.Endpoint}' must be an absolute https URL, e.g. https://my-acs.communication.azure.com.");
                }
                else if (Acs.Endpoint.AbsolutePath != "/" || !string.IsNullOrEmpty(Acs.Endpoint.Query) || !string.IsNullOrEmpty(Acs.Endpoint.Fragment))
                {
                    errors.Add($"Email:Acs:Endpoint '{Acs.Endpoint}' must be the resource's address alone, without a path or query, e.g. https://my-acs.communication.azure.com.");
                }

                if (Acs.MaxWait < TimeSpan.FromSeconds(5) || Acs.MaxWait > TimeSpan.FromMinutes(10))
                {
                    errors.Add($"Email:Acs:MaxWait {Acs.MaxWait} must be between 00:00:05 and 00:10:00.");
                }

                break;
            default:
                if (!Enum.IsDefined(Transport))
                {
                    errors.Add($"Email:Transport '{Transport}' is not one of Outbox, Smtp, Acs.");
                }

                break;
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
