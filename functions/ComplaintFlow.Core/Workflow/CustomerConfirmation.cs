namespace ComplaintFlow.Core.Workflow;

/// <summary>The customer's answer to the proposed outcome, raised from the emailed confirmation page.</summary>
/// <param name="Satisfied">True accepts the outcome and closes the complaint; false opens the next round.</param>
/// <param name="Generation">The round the link was issued for; a stale answer is ignored.</param>
/// <param name="Rating">1–5, optional.</param>
/// <param name="Comment">Optional.</param>
public sealed record CustomerConfirmation(bool Satisfied, int Generation, int? Rating = null, string? Comment = null);
