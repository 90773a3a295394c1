namespace ComplaintFlow.Infrastructure.Links;

/// <summary>The verdict on an action token.</summary>
public enum TokenStatus
{
    /// <summary>Signed by one of our keys and not expired.</summary>
    Valid,

    /// <summary>Not a token at all: wrong shape, not base64url, unknown format version.</summary>
    Malformed,

    /// <summary>Token-shaped, but its signature matches none of our keys: altered, or signed with a retired key.</summary>
    Tampered,

    /// <summary>Genuine but past its expiry; its claims are known, so the page can say what it was for.</summary>
    Expired,
}
