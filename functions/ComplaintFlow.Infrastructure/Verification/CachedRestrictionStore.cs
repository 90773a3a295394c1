using System.Collections.Immutable;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Infrastructure.Verification;

/// <summary>
/// Restrictions as intake checks them, without a storage request per complaint: a snapshot of the restrictions in
/// force, reloaded in the background once it is older than <see cref="RefreshInterval"/>. Restrictions set or lifted
/// through this host count at once; those set by another host count from its next reload. A customer the snapshot
/// shows as restricted is confirmed with a point read, so a lift made anywhere counts at once.
/// </summary>
public sealed class CachedRestrictionStore(TableRestrictionStore inner, TimeProvider time) : IRestrictionStore
{
    /// <summary>How old the snapshot may grow before it is reloaded.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _loading;
    private long _changeCount;
    private ImmutableList<Change> _changes = [];

    public async Task<Restriction?> FindActiveAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
        {
            snapshot = await LoadAsync().WaitAsync(cancellationToken);
        }
        else if (time.GetUtcNow() - snapshot.LoadedAt > RefreshInterval)
        {
            _ = LoadAsync();
        }

        return snapshot.Restrictions.TryGetValue(CustomerKey.Of(customerId), out var restriction) && restriction.Until > at
            ? await inner.FindActiveAsync(customerId, at, cancellationToken)
            : null;
    }

    public async Task<Restriction> RestrictAsync(string customerId, string reason, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var restriction = await inner.RestrictAsync(customerId, reason, since, until, cancellationToken);
        Apply(new Change(restriction.Key, restriction));
        return restriction;
    }

    public async Task<bool> LiftAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var lifted = await inner.LiftAsync(key, at, cancellationToken);
        Apply(new Change(key, null));
        return lifted;
    }

    /// <summary>Read where it is kept, so the restrictions page shows what other hosts set and lifted too.</summary>
    public Task<IReadOnlyList<Restriction>> ListActiveAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.ListActiveAsync(at, cancellationToken);

    /// <summary>Read where it is kept: verification asks, once per complaint, not intake.</summary>
    public Task<DateTimeOffset?> LastLiftedAsync(string customerId, CancellationToken cancellationToken = default) =>
        inner.LastLiftedAsync(customerId, cancellationToken);

    private void Apply(Change change)
    {
        lock (_gate)
        {
            _changes = _changes.Add(change with { Number = ++_changeCount });
            if (_snapshot is { } snapshot)
            {
                _snapshot = snapshot with { Restrictions = change.ApplyTo(snapshot.Restrictions) };
            }
        }
    }

    /// <summary>One load at a time; changes made here while it ran are applied on top, so none is lost.</summary>
    private Task<Snapshot> LoadAsync()
    {
        lock (_gate)
        {
            return _loading ??= LoadOnceAsync(_changeCount);
        }
    }

    private async Task<Snapshot> LoadOnceAsync(long changesBefore)
    {
        try
        {
            var now = time.GetUtcNow();
            var active = await inner.ListActiveAsync(now, CancellationToken.None);
            lock (_gate)
            {
                var restrictions = active.ToImmutableDictionary(r => r.Key, StringComparer.Ordinal);
                foreach (var change in _changes.Where(c => c.Number > changesBefore))
                {
                    restrictions = change.ApplyTo(restrictions);
                }

                _changes = _changes.RemoveAll(c => c.Number <= changesBefore);
                return _snapshot = new Snapshot(now, restrictions);
            }
        }
        finally
        {
            lock (_gate)
            {
                _loading = null;
            }
        }
    }

    private sealed record Snapshot(DateTimeOffset LoadedAt, ImmutableDictionary<string, Restriction> Restrictions);

    private sealed record Change(string Key, Restriction? Restriction, long Number = 0)
    {
        public ImmutableDictionary<string, Restriction> ApplyTo(ImmutableDictionary<string, Restriction> restrictions) =>
            Restriction is null ? restrictions.Remove(Key) : restrictions.SetItem(Key, Restriction);
    }
}
