namespace ComplaintFlow.Core.Verification;

/// <summary>Abuse restrictions on customers: set when verification rejects abuse, checked at intake, lifted by staff.</summary>
public interface IRestrictionStore
{
    /// <summary>The customer's restriction in force at <paramref name="at"/>, or null.</summary>
    Task<Restriction?> FindActiveAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Restricts the customer (replacing an earlier restriction; when it was last lifted is kept).</summary>
    Task<Restriction> RestrictAsync(string customerId, string reason, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lifts the restriction with this key at <paramref name="at"/>, forgiving the burst that caused it: the customer's
    /// complaints received until then no longer count towards the limit. False when none was in force.
    /// </summary>
    Task<bool> LiftAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every restriction in force at <paramref name="at"/> (for the restrictions page; intake asks one customer at a time).</summary>
    Task<IReadOnlyList<Restriction>> ListActiveAsync(DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>When a restriction of the customer's was last lifted (complaints received before then are forgiven), or null.</summary>
    Task<DateTimeOffset?> LastLiftedAsync(string customerId, CancellationToken cancellationToken = default);
}
