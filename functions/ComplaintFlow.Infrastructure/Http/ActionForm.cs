namespace ComplaintFlow.Infrastructure.Http;

/// <summary>The fields of an action page's form, as posted (or pre-selected through <c>?choice=</c>).</summary>
public sealed record ActionForm(string? Choice, string? Text, string? Compensation, string? Rating, string? Comment);
