namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// Makes each action link single-use, and each step of a complaint acted on once: the first use of a token is
/// recorded together with the step it acted on, and every later use of that link, or of another link for the same step
/// (the reminder's link beside the assignment's, a forwarded page), learns what was recorded, by whom and when (so the
/// page can answer <c>409</c> saying so).
/// </summary>
public interface IActionLedger
{
    /// <summary>
    /// Records the use of the link with these claims for <paramref name="step"/> (one decision, confirmation or answer
    /// the complaint is waiting for). Returns null when this call recorded it (the caller goes on and acts); otherwise
    /// the entry recorded first for that step or that link, untouched. Safe under concurrent calls: exactly one wins.
    /// </summary>
    Task<LedgerEntry?> TryRecordAsync(ActionClaims claims, string step, string outcomeSummary, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The entry recorded for the link with these claims, or null when it has not been used.</summary>
    Task<LedgerEntry?> FindAsync(ActionClaims claims, CancellationToken cancellationToken);

    /// <summary>The entry recorded for <paramref name="step"/> of the complaint, through whichever link, or null.</summary>
    Task<LedgerEntry?> FindStepAsync(string complaintId, string step, CancellationToken cancellationToken);
}
