using System.Collections.Concurrent;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IRestrictionStore"/> in memory.</summary>
public sealed class InMemoryRestrictionStore : IRestrictionStore
{
    private readonly ConcurrentDictionary<string, Restriction> _restrictions = new(StringComparer.Ordinal);

    public Task<Restriction?> FindActiveAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(_restrictions.TryGetValue(CustomerKey.Of(customerId), out var r) && r.Until > at ? r : null);

    public Task<Restriction> RestrictAsync(string customerId, string reason, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var restriction = new Restriction(CustomerKey.Of(customerId), reason, since, until);
        _restrictions[restriction.Key] = restriction;
        return Task.FromResult(restriction);
    }

    public Task<bool> LiftAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(_restrictions.TryRemove(key, out _));
}
