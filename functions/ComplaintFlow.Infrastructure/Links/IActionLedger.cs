namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// Makes each action link single-use: the first use of a token is recorded, and every later use learns what was
/// recorded and when (so the page can answer <c>409</c> saying so).
/// </summary>
public interface IActionLedger
{
    /// <summary>
    /// Records the use of the link with these claims. Returns null when this call recorded it (the caller goes on and
    /// acts); otherwise the entry recorded by the first use, untouched. Safe under concurrent calls: exactly one wins.
    /// </summary>
    Task<LedgerEntry?> TryRecordAsync(ActionClaims claims, string outcomeSummary, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The entry recorded for the link with these claims, or null when it has not been used.</summary>
    Task<LedgerEntry?> FindAsync(ActionClaims claims, CancellationToken cancellationToken);
}
