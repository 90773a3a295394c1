namespace ComplaintFlow.Infrastructure.Webhooks;

/// <summary>
/// Configuration section <c>Webhook</c>: the secrets intake webhooks are signed with (Standard Webhooks).
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhook";

    /// <summary>
    /// A fixed secret for the local host's Development environment only, so a local sender and the local host agree
    /// without setup. It is public (it is in the source): <see cref="IsDevelopmentSecret"/> lets a host refuse it
    /// anywhere else.
    /// </summary>
    public const string DevelopmentSecret = "whsec_UidMOTHkrEOux8DfvV5YjtZ61Srx+PVlvKrJei7dSQ4=";

    /// <summary>Smallest accepted key, in bytes after decoding (the Standard Webhooks recommendation: 24 to 64).</summary>
    public const int MinimumKeyBytes = 24;

    /// <summary>
    /// The secrets, each <c>whsec_&lt;base64&gt;</c>. A delivery is accepted when it is signed with any of them, so a
    /// secret is rotated by adding the new one, moving the sender over, then removing the old one.
    /// </summary>
    public List<string> Secrets { get; } = [];

    /// <summary>How far <c>webhook-timestamp</c> may be from now, either way. Default 5 minutes.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when <paramref name="secret"/> is <see cref="DevelopmentSecret"/>.</summary>
    public static bool IsDevelopmentSecret(string? secret) => string.Equals(secret, DevelopmentSecret, StringComparison.Ordinal);

    /// <summary>What is wrong with these settings, naming each setting as configuration spells it; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Secrets.Count == 0)
        {
            errors.Add($"{SectionName}:Secrets must contain at least one secret (whsec_<base64>).");
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            if (!WebhookSecret.TryDecode(Secrets[i]?.Trim(), out var key))
            {
                errors.Add($"{SectionName}:Secrets:{i} is not of the form whsec_<base64>.");
            }
            else if (key.Length < MinimumKeyBytes)
            {
                errors.Add($"{SectionName}:Secrets:{i} decodes to {key.Length} bytes; use at least {MinimumKeyBytes} random bytes.");
            }
        }

        if (Tolerance <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:Tolerance must be positive (e.g. 00:05:00).");
        }

        return errors;
    }
}
