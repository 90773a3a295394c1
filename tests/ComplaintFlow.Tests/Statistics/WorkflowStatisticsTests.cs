using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Statistics;

/// <summary>The real orchestrator on the simulator keeps the statistics as a rebuild from the records would compute them.</summary>
public sealed class WorkflowStatisticsTests
{
    [Fact]
    public async Task A_breached_escalated_and_resolved_complaint_is_counted_as_the_rebuild_counts_it()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        await driver.PassAsync(TimeSpan.FromDays(2), step: TimeSpan.FromMinutes(30));
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已退款。", Compensation.Refund);
        await driver.ConfirmAsync(id, satisfied: true, rating: 4);
        var statistics = driver.Flow.Services.GetRequiredService<ComplaintStatistics>();
        var store = driver.Flow.Services.GetRequiredService<IStatisticsStore>();
        var ct = TestContext.Current.CancellationToken;

        var incremental = await store.ReadAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct);
        var rebuilt = await statistics.RebuildAsync("202611", ct);

        Assert.True(incremental.SameAs(rebuilt));
        var report = StatisticsReport.From(incremental, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        Assert.Equal(1, report.Total);
        Assert.Equal(1, report.ByOutcome["Resolved"]);
        Assert.Equal(4, report.MeanRating);
        Assert.True(report.EscalationRate > 0);
    }
}
