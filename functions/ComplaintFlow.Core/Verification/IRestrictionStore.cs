namespace ComplaintFlow.Core.Verification;

/// <summary>Abuse restrictions on customers: set when verification rejects abuse, checked at intake, lifted by staff.</summary>
public interface IRestrictionStore
{
    /// <summary>The customer's restriction in force at <paramref name="at"/>, or null.</summary>
    Task<Restriction?> FindActiveAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Restricts the customer (replacing an earlier restriction).</summary>
    Task<Restriction> RestrictAsync(string customerId, string reason, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Lifts the restriction with this key; false when there was none.</summary>
    Task<bool> LiftAsync(string key, CancellationToken cancellationToken = default);
}
