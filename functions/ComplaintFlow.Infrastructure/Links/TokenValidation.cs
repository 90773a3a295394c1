using System.Diagnostics.CodeAnalysis;

namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// The outcome of <see cref="ActionTokenService.Validate"/>: the <see cref="Status"/>, and the verified claims when
/// the token is genuine (<see cref="TokenStatus.Valid"/> or <see cref="TokenStatus.Expired"/>).
/// </summary>
public sealed record TokenValidation
{
    private TokenValidation(TokenStatus status, ActionClaims? claims)
    {
        Status = status;
        Claims = claims;
    }

    public TokenStatus Status { get; }

    /// <summary>The verified claims; null for <see cref="TokenStatus.Malformed"/> and <see cref="TokenStatus.Tampered"/>.</summary>
    public ActionClaims? Claims { get; }

    [MemberNotNullWhen(true, nameof(Claims))]
    public bool IsValid => Status == TokenStatus.Valid;

    public static TokenValidation Malformed { get; } = new(TokenStatus.Malformed, null);

    public static TokenValidation Tampered { get; } = new(TokenStatus.Tampered, null);

    public static TokenValidation Valid(ActionClaims claims) => new(TokenStatus.Valid, claims ?? throw new ArgumentNullException(nameof(claims)));

    public static TokenValidation Expired(ActionClaims claims) => new(TokenStatus.Expired, claims ?? throw new ArgumentNullException(nameof(claims)));
}
