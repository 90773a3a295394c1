using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Core.Workflow.Activities;
using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Sla;

namespace ComplaintFlow.Tests.Statistics;

/// <summary>The workflow's steps keep the statistics current through <see cref="ComplaintUpdater"/>.</summary>
public sealed class RecordingStepsTests
{
    private static readonly DateOnly November1 = new(2026, 11, 1);
    private static readonly DateOnly November30 = new(2026, 11, 30);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InMemoryComplaintStore _records = new();
    private readonly InMemoryStatisticsStore _store = new();

    [Fact]
    public async Task A_step_that_runs_twice_is_counted_once()
    {
        var updater = new ComplaintUpdater(_records, new ComplaintStatistics(_store, _records, Lifecycle.Policy));
        var complaint = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Complaint;
        await _records.TryAddAsync(complaint, _ct);

        for (var run = 0; run < 2; run++)
        {
            await updater.UpdateAsync(complaint.Id.ToString(), "verify-1", c => c.BeginVerification(At.Shanghai(2026, 11, 23, 10), "verify-1"), _ct);
            await updater.UpdateAsync(complaint.Id.ToString(), "reject-1", c => c.Reject("burst", At.Shanghai(2026, 11, 23, 10), "reject-1"), _ct);
        }

        var report = StatisticsReport.From(await _store.ReadAsync(November1, November30, _ct), November1, November30);
        Assert.Equal(1, report.Total);
        Assert.Equal(1, report.ByOutcome["RejectedAtIntake"]);
        Assert.Equal(1.0, report.RejectedAsAbuseRate);
    }

    [Fact]
    public async Task A_step_that_saved_but_failed_before_recording_records_when_it_runs_again()
    {
        var complaint = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Complaint;
        await _records.TryAddAsync(complaint, _ct);
        var failing = new ComplaintUpdater(_records, new ComplaintStatistics(new FailingStatisticsStore(), _records, Lifecycle.Policy));
        var working = new ComplaintUpdater(_records, new ComplaintStatistics(_store, _records, Lifecycle.Policy));
        Task Verify(ComplaintUpdater updater) => updater.UpdateAsync(complaint.Id.ToString(), "verify-1", c => c.BeginVerification(At.Shanghai(2026, 11, 23, 10), "verify-1"), _ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Verify(failing));
        await Verify(working);

        Assert.Equal(1, (await _store.ReadAsync(November1, November30, _ct)).Counter(StatisticsKeys.Total));
    }

    private sealed class FailingStatisticsStore : IStatisticsStore
    {
        public Task RecordAsync(ComplaintFacts facts, CancellationToken cancellationToken = default) => throw new InvalidOperationException("storage down");

        public Task<StatisticsAggregate> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ReplaceMonthAsync(string month, IReadOnlyList<ComplaintFacts> facts, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
