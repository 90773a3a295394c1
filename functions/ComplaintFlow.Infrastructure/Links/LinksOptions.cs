namespace ComplaintFlow.Infrastructure.Links;

/// <summary>Configuration section <c>Links</c>: how emailed action links are signed and where they point.</summary>
public sealed class LinksOptions
{
    public const string SectionName = "Links";

    /// <summary>
    /// A fixed signing key for the local host's Development environment only. It is public (it is in the source):
    /// <see cref="IsDevelopmentKey"/> lets a host refuse it anywhere else.
    /// </summary>
    public const string DevelopmentKey = "o3UDgHq8tqFkRuJeFpMjvMk1eTOlWis0k+Panb2RKC8=";

    /// <summary>Smallest accepted key, in bytes after base64 decoding.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Signing keys, base64, each at least 32 random bytes (<c>openssl rand -base64 32</c>), newest first. New links
    /// are signed with the first; links signed with any of them are accepted. To rotate, put a new key first and
    /// remove the old one after <see cref="Lifetime"/> has passed.
    /// </summary>
    public List<string> Keys { get; } = [];

    /// <summary>The absolute http(s) URL the emailed links point at, e.g. <c>http://localhost:5080</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>How long a link works after it is issued. Default 7 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>True when <paramref name="key"/> is <see cref="DevelopmentKey"/>.</summary>
    public static bool IsDevelopmentKey(string? key) => string.Equals(key?.Trim(), DevelopmentKey, StringComparison.Ordinal);

    /// <summary>What is wrong with these settings, naming each setting as configuration spells it; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Keys.Count == 0)
        {
            errors.Add($"{SectionName}:Keys must contain at least one signing key (base64 of at least {MinimumKeyBytes} random bytes, e.g. from `openssl rand -base64 32`).");
        }

        for (var i = 0; i < Keys.Count; i++)
        {
            if (!TryDecodeKey(Keys[i], out var key))
            {
                errors.Add($"{SectionName}:Keys:{i} is not base64.");
            }
            else if (key.Length < MinimumKeyBytes)
            {
                errors.Add($"{SectionName}:Keys:{i} decodes to {key.Length} bytes; use at least {MinimumKeyBytes} random bytes.");
            }
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(baseUrl.Query)
            || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            errors.Add($"{SectionName}:BaseUrl must be an absolute http or https URL without query or fragment (e.g. http://localhost:5080).");
        }

        if (Lifetime <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:Lifetime must be positive (e.g. 7.00:00:00).");
        }

        return errors;
    }

    internal static bool TryDecodeKey(string? text, out byte[] key)
    {
        key = [];
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64Chars(trimmed, buffer, out var written))
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
