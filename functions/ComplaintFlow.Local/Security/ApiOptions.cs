namespace ComplaintFlow.Local.Security;

/// <summary>The local host's API key (configuration section "Api"): sent as <c>x-functions-key</c>, as Functions keys are on Azure.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The value development configuration ships with; refused outside Development.</summary>
    public const string DevelopmentKey = "local-dev-key";

    public string Key { get; set; } = string.Empty;

    /// <summary>True when <paramref name="key"/> is <see cref="DevelopmentKey"/>.</summary>
    public static bool IsDevelopmentKey(string? key) => string.Equals(key?.Trim(), DevelopmentKey, StringComparison.Ordinal);

    public IReadOnlyList<string> Validate() =>
        string.IsNullOrWhiteSpace(Key) ? ["Api:Key is required: the key clients send as x-functions-key."] :
        Key.Length < 12 ? ["Api:Key must be at least 12 characters."] : [];
}
