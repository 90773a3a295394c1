namespace ComplaintFlow.Infrastructure.Links;

/// <summary>What was recorded through one action link, and when: shown when the link is used again.</summary>
/// <param name="ComplaintId">The complaint the link acted on.</param>
/// <param name="Nonce">The link's nonce.</param>
/// <param name="Purpose">What the link was for.</param>
/// <param name="Recipient">Who used it (agent id or <c>customer</c>).</param>
/// <param name="Generation">The generation the link was issued for.</param>
/// <param name="OutcomeSummary">A short, personal-data-free description of what was recorded, e.g. "Resolved: refund".</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record LedgerEntry(
    string ComplaintId,
    string Nonce,
    ActionPurpose Purpose,
    string Recipient,
    int Generation,
    string OutcomeSummary,
    DateTimeOffset RecordedAt);
