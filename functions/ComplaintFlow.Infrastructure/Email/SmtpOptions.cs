namespace ComplaintFlow.Infrastructure.Email;

/// <summary>Section <c>Email:Smtp</c>: where <see cref="SmtpEmailSender"/> hands mail over.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    /// <summary>
    /// True: TLS on connect for port 465, STARTTLS whenever the server offers it on other ports (MailKit's
    /// <c>SecureSocketOptions.Auto</c>). False: plain text, for a local maildev only.
    /// </summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Set together with <see cref="Password"/> to authenticate; leave both empty for an open relay such as maildev.</summary>
    public string? UserName { get; set; }

    /// <summary>A secret: keep it in user secrets, an environment variable or Key Vault, never in committed settings.</summary>
    public string? Password { get; set; }

    /// <summary>How long one SMTP step (connect, authenticate, send) may take before the send fails and is retried.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
