using System.Collections.Concurrent;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IRestrictionStore"/> in memory: a lift ends the restriction and is remembered, as the table keeps it.</summary>
public sealed class InMemoryRestrictionStore : IRestrictionStore, IPersonalDataHolder
{
    private readonly ConcurrentDictionary<string, Restriction> _restrictions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lifted = new(StringComparer.Ordinal);

    public Task<Restriction?> FindActiveAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(_restrictions.TryGetValue(CustomerKey.Of(customerId), out var r) && r.Until > at ? r : null);

    public Task<Restriction> RestrictAsync(string customerId, string reason, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var restriction = new Restriction(CustomerKey.Of(customerId), reason, since, until);
        _restrictions[restriction.Key] = restriction;
        return Task.FromResult(restriction);
    }

    public Task<bool> LiftAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        while (_restrictions.TryGetValue(key, out var restriction) && restriction.Until > at)
        {
            if (_restrictions.TryUpdate(key, restriction with { Until = at }, restriction))
            {
                _lifted[key] = at;
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    public Task<IReadOnlyList<Restriction>> ListActiveAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Restriction>>([.. _restrictions.Values.Where(r => r.Until > at)]);

    public Task<DateTimeOffset?> LastLiftedAsync(string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_lifted.TryGetValue(CustomerKey.Of(customerId), out var at) ? at : (DateTimeOffset?)null);

    public Task EraseCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        _restrictions.TryRemove(CustomerKey.Of(customerId), out _);
        _lifted.TryRemove(CustomerKey.Of(customerId), out _);
        return Task.CompletedTask;
    }
}
