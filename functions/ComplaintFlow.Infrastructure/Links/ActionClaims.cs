namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// What a verified action token says. The handler must still compare it with the complaint: the complaint id of the
/// route it serves, and <see cref="Generation"/> against the complaint's current round, tier or step (a link issued
/// for an earlier generation is stale: show a page saying so and change nothing).
/// </summary>
/// <param name="ComplaintId">The complaint the link acts on.</param>
/// <param name="Purpose">What the link lets its recipient do.</param>
/// <param name="Recipient">The agent id the link was sent to, or <c>customer</c>.</param>
/// <param name="Generation">The round, escalation tier or step the link was issued for.</param>
/// <param name="ExpiresAt">When the link stops working (whole seconds).</param>
/// <param name="Nonce">128 random bits, base64url: the link's identity, used once (see <see cref="IActionLedger"/>).</param>
public sealed record ActionClaims(
    string ComplaintId,
    ActionPurpose Purpose,
    string Recipient,
    int Generation,
    DateTimeOffset ExpiresAt,
    string Nonce)
{
    /// <summary>The <see cref="Recipient"/> of links sent to the complaint's customer.</summary>
    public const string CustomerRecipient = "customer";
}
