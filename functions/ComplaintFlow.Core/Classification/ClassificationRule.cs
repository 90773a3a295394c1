using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Classification;

/// <summary>
/// One classification rule: when any of its <see cref="Keywords"/> occurs in a complaint's subject or description,
/// it votes for its <see cref="Category"/> with its <see cref="Weight"/> (once per distinct keyword found) and/or
/// sets at least its <see cref="Severity"/>. Bound from configuration (<c>Classification:Rules:N</c>).
/// </summary>
/// <remarks>
/// Keyword syntax: matched case-insensitively after Unicode compatibility normalisation (full-width letters match too).
/// Chinese (and other CJK) text matches anywhere, as a substring. Latin words and phrases match whole words only, so
/// <c>pay</c> does not match <c>display</c> or <c>payment</c>; a trailing <c>*</c> matches any ending (<c>crash*</c>
/// matches crash, crashes, crashed, crashing). Spaces inside a phrase match any run of white space.
/// </remarks>
public sealed class ClassificationRule
{
    /// <summary>A short name shown in the classification reason (e.g. <c>payment-failure</c>); defaults to the category, else the severity.</summary>
    public string? Name { get; set; }

    /// <summary>Words and phrases, in any language; at least one.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>The category this rule votes for, if any.</summary>
    public Category? Category { get; set; }

    /// <summary>The severity a complaint has at least when this rule matches, if any.</summary>
    public Severity? Severity { get; set; }

    /// <summary>How much one matched keyword counts towards <see cref="Category"/>; positive. Default 1.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>The name the reason shows: <see cref="Name"/>, else the category, else the severity.</summary>
    public string DisplayName =>
        !string.IsNullOrWhiteSpace(Name) ? Name.Trim()
        : Category is { } category ? category.ToString()
        : Severity is { } severity ? severity.ToString()
        : "rule";
}
