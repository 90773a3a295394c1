namespace ComplaintFlow.Core.Verification;

/// <summary>A customer whose complaints are refused at intake (429) until <paramref name="Until"/> or until someone lifts it.</summary>
/// <param name="Key">The restriction's public key (a hash of the customer id, safe to show and to put in a URL).</param>
/// <param name="Reason">Why, as verification said it.</param>
/// <param name="Since">When it started.</param>
/// <param name="Until">When it ends by itself.</param>
public sealed record Restriction(string Key, string Reason, DateTimeOffset Since, DateTimeOffset Until);
