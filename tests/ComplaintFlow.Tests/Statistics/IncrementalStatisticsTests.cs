using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Statistics;

/// <summary>
/// The figures kept current step by step equal the figures rebuilt from the complaint records, whatever the order and
/// repetition of the recordings: many complaints at once (racing for the same day rows), steps recorded twice, and an
/// old step's facts arriving after newer ones.
/// </summary>
public sealed class IncrementalStatisticsTests(AzuriteFixture azurite)
{
    private static readonly DateOnly November1 = new(2026, 11, 1);
    private static readonly DateOnly November30 = new(2026, 11, 30);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public Task In_memory_incremental_figures_equal_the_rebuilt_ones() => IncrementalEqualsRebuildAsync(new InMemoryStatisticsStore());

    [Fact]
    public async Task Table_storage_incremental_figures_equal_the_rebuilt_ones()
    {
        var name = AzuriteFixture.UniqueName("s");
        await azurite.TableService().CreateTableIfNotExistsAsync(name, _ct);
        await IncrementalEqualsRebuildAsync(new TableStatisticsStore(azurite.TableService(), name));
    }

    [Fact]
    public async Task A_step_recorded_twice_or_late_counts_once()
    {
        var store = new InMemoryStatisticsStore();
        var month = SimulatedMonth.Generate(1, seed: 3);
        var steps = month.Recordings[0];

        foreach (var facts in steps)
        {
            await store.RecordAsync(facts, _ct);
            await store.RecordAsync(facts, _ct);
        }

        await store.RecordAsync(steps[0], _ct);

        var aggregate = await store.ReadAsync(November1, November30, _ct);
        var expected = new StatisticsAggregate();
        expected.Add(steps[^1]);
        Assert.True(aggregate.SameAs(expected));
        Assert.Equal(1, aggregate.Counter(StatisticsKeys.Total));
    }

    private async Task IncrementalEqualsRebuildAsync(IStatisticsStore store)
    {
        var month = SimulatedMonth.Generate(300, seed: 2026);
        var records = new InMemoryComplaintStore();
        foreach (var complaint in month.Complaints)
        {
            await records.TryAddAsync(complaint, _ct);
        }

        var statistics = new ComplaintStatistics(store, records, Lifecycle.Policy);
        var random = new Random(7);
        var plays = month.Recordings.Select(steps => Play(steps, random.Next()));
        await Parallel.ForEachAsync(plays, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = _ct }, async (play, ct) =>
        {
            foreach (var facts in play)
            {
                await store.RecordAsync(facts, ct);
            }
        });

        var incremental = await store.ReadAsync(November1, November30, _ct);
        var fromRecords = new StatisticsAggregate();
        foreach (var facts in await statistics.FactsFromRecordsAsync("202611", _ct))
        {
            fromRecords.Add(facts);
        }

        Assert.Equal(300, fromRecords.Counter(StatisticsKeys.Total));
        Assert.True(fromRecords.Counter(StatisticsKeys.Reopened) > 0);
        Assert.True(fromRecords.Counter(StatisticsKeys.Outcome(ComplaintOutcome.Merged)) > 0);
        Assert.Equal(fromRecords.Counters, incremental.Counters);
        Assert.True(incremental.SameAs(fromRecords));

        var rebuilt = await statistics.RebuildAsync("202611", _ct);
        Assert.True(rebuilt.SameAs(fromRecords));
        Assert.True((await store.ReadAsync(November1, November30, _ct)).SameAs(fromRecords));
        var report = await statistics.ReportAsync(November1, November30, _ct);
        Assert.Equal(300, report.Total);
    }

    /// <summary>A complaint's steps as an unreliable runtime delivers them: some twice, an older one now and then late.</summary>
    private static List<ComplaintFacts> Play(IReadOnlyList<ComplaintFacts> steps, int seed)
    {
        var random = new Random(seed);
        var play = new List<ComplaintFacts>();
        for (var i = 0; i < steps.Count; i++)
        {
            play.Add(steps[i]);
            if (random.Next(3) == 0)
            {
                play.Add(steps[i]);
            }

            if (i > 0 && random.Next(4) == 0)
            {
                play.Add(steps[random.Next(i)]);
            }
        }

        return play;
    }
}
