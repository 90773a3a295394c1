namespace ComplaintFlow.Core.Complaints;

/// <summary>The customer's answer to a proposed outcome.</summary>
/// <param name="Satisfied">Whether the customer accepts the outcome.</param>
/// <param name="Rating">1–5, optional.</param>
/// <param name="Comment">Free text, optional.</param>
/// <param name="At">When the customer answered.</param>
public sealed record CustomerVerdict(bool Satisfied, int? Rating, string? Comment, DateTimeOffset At);
