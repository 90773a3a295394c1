using ComplaintFlow.Core.Verification;
using ComplaintFlow.Infrastructure.Verification;
using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Verification;

/// <summary>
/// A customer's originals change only by a write conditional on what was read, in the table on a real Azurite and in
/// memory alike: of complaints that decided on the same state, exactly one becomes an original.
/// </summary>
public sealed class CustomerOriginalsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> Indexes => ["table", "memory"];

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task Of_complaints_that_read_the_same_originals_exactly_one_adds_itself(string kind)
    {
        var index = await IndexAsync(kind);
        var read = await index.OriginalsAsync("u-race", _ct);

        var won = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => index.TryAddOriginalAsync(read, Entry("u-race", i, Now), Now.AddDays(-30), _ct)));

        Assert.Single(won, w => w);
        var after = await index.OriginalsAsync("u-race", _ct);
        var winner = Assert.Single(after.Entries);
        Assert.Equal(Entry("u-race", Array.IndexOf(won, true), Now), winner);

        Assert.False(await index.TryAddOriginalAsync(read, Entry("u-race", 11, Now), Now.AddDays(-30), _ct));
        Assert.True(await index.TryAddOriginalAsync(after, Entry("u-race", 11, Now.AddMinutes(1)), Now.AddDays(-30), _ct));
        Assert.Equal(2, (await index.OriginalsAsync("u-race", _ct)).Entries.Count);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public async Task Originals_are_kept_newest_first_per_customer_and_older_ones_are_dropped(string kind)
    {
        var index = await IndexAsync(kind);
        Assert.True(await index.TryAddOriginalAsync(await index.OriginalsAsync("u-old", _ct), Entry("u-old", 1, Now.AddDays(-40)), Now.AddDays(-60), _ct));
        Assert.True(await index.TryAddOriginalAsync(await index.OriginalsAsync("u-old", _ct), Entry("u-old", 2, Now.AddDays(-1)), Now.AddDays(-60), _ct));
        Assert.True(await index.TryAddOriginalAsync(await index.OriginalsAsync("u-old", _ct), Entry("u-old", 3, Now), Now.AddDays(-30), _ct));

        Assert.Equal([Entry("u-old", 3, Now), Entry("u-old", 2, Now.AddDays(-1))], (await index.OriginalsAsync("u-old", _ct)).Entries);
        Assert.Empty((await index.OriginalsAsync("u-other", _ct)).Entries);
    }

    private static ComplaintIndexEntry Entry(string customer, int i, DateTimeOffset at) =>
        new($"C-202611-{i:D10}", customer, at, "fingerprint", i % 2 == 0 ? null : $"order-{i}");

    private async Task<IComplaintIndex> IndexAsync(string kind)
    {
        if (kind == "memory")
        {
            return new InMemoryComplaintIndex();
        }

        var table = azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("i"));
        await table.CreateIfNotExistsAsync(_ct);
        return new TableComplaintIndex(table);
    }
}
