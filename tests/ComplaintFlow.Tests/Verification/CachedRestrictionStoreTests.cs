using ComplaintFlow.Infrastructure.Verification;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Verification;

/// <summary>
/// Restrictions as intake checks them, on a real Azurite shared by two hosts: what this host does counts at once, a
/// restriction set by the other host counts once the snapshot is reloaded, and a lift counts at once wherever it was made.
/// </summary>
public sealed class CachedRestrictionStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task A_restriction_set_or_lifted_here_counts_at_once()
    {
        var (here, _) = await TwoHostsAsync();
        Assert.Null(await here.FindActiveAsync("u-1", Now, _ct));

        var restriction = await here.RestrictAsync("u-1", "Burst", Now, Now.AddHours(1), _ct);
        Assert.Equal(restriction.Key, (await here.FindActiveAsync("u-1", Now, _ct))?.Key);
        Assert.Null(await here.FindActiveAsync("u-1", Now.AddHours(2), _ct));

        Assert.True(await here.LiftAsync(restriction.Key, Now, _ct));
        Assert.Null(await here.FindActiveAsync("u-1", Now, _ct));
    }

    [Fact]
    public async Task A_restriction_set_by_another_host_counts_once_the_snapshot_is_reloaded()
    {
        var (here, there) = await TwoHostsAsync();
        Assert.Null(await here.FindActiveAsync("u-2", Now, _ct));

        await there.RestrictAsync("u-2", "Burst", Now, Now.AddHours(1), _ct);
        Assert.Null(await here.FindActiveAsync("u-2", Now, _ct));

        _time.Advance(CachedRestrictionStore.RefreshInterval + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(
            async () => await here.FindActiveAsync("u-2", _time.GetUtcNow(), _ct) is not null, TimeSpan.FromSeconds(10), "The restriction never reached the other host.");
    }

    [Fact]
    public async Task A_lift_made_by_another_host_counts_at_once()
    {
        var (here, there) = await TwoHostsAsync();
        var restriction = await there.RestrictAsync("u-3", "Abuse", Now, Now.AddDays(1), _ct);
        Assert.NotNull(await here.FindActiveAsync("u-3", Now, _ct));

        Assert.True(await there.LiftAsync(restriction.Key, Now, _ct));

        Assert.Null(await here.FindActiveAsync("u-3", Now, _ct));
    }

    [Fact]
    public async Task A_lift_is_remembered_so_verification_forgives_what_came_before_it_even_after_a_new_restriction()
    {
        var (here, there) = await TwoHostsAsync();
        Assert.Null(await here.LastLiftedAsync("u-4", _ct));
        var restriction = await here.RestrictAsync("u-4", "Burst", Now, Now.AddDays(1), _ct);
        var liftedAt = Now.AddMinutes(30);

        Assert.True(await there.LiftAsync(restriction.Key, liftedAt, _ct));
        Assert.False(await here.LiftAsync(restriction.Key, liftedAt.AddMinutes(1), _ct));
        Assert.Null(await here.FindActiveAsync("u-4", liftedAt, _ct));
        Assert.Equal(liftedAt, await here.LastLiftedAsync("u-4", _ct));

        await here.RestrictAsync("u-4", "Burst again", Now.AddHours(2), Now.AddDays(2), _ct);
        Assert.NotNull(await there.FindActiveAsync("u-4", Now.AddHours(3), _ct));
        Assert.Equal(liftedAt, await there.LastLiftedAsync("u-4", _ct));
    }

    private async Task<(CachedRestrictionStore Here, CachedRestrictionStore There)> TwoHostsAsync()
    {
        var table = azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("r"));
        await table.CreateIfNotExistsAsync(_ct);
        return (new CachedRestrictionStore(new TableRestrictionStore(table), _time), new CachedRestrictionStore(new TableRestrictionStore(table), _time));
    }
}
