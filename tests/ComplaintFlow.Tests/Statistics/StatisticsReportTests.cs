using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Tests.Sla;

namespace ComplaintFlow.Tests.Statistics;

public sealed class StatisticsReportTests
{
    private static readonly DateOnly November1 = new(2026, 11, 1);
    private static readonly DateOnly November30 = new(2026, 11, 30);

    [Fact]
    public void Counts_rates_and_satisfaction_come_from_the_complaints_added()
    {
        var original = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10), "u-1")
            .Assigned(Severity.High, At.Shanghai(2026, 11, 23, 10), Category.Payment, "payments")
            .Resolved(At.Shanghai(2026, 11, 23, 11))
            .Verdict(true, At.Shanghai(2026, 11, 23, 12), rating: 5);
        var complaints = new[]
        {
            original,
            Lifecycle.Received(At.Shanghai(2026, 11, 23, 10, 5), "u-2").Assigned(Severity.Normal, At.Shanghai(2026, 11, 23, 10, 5)).Resolved(At.Shanghai(2026, 11, 23, 11)).Verdict(true, At.Shanghai(2026, 11, 23, 15), rating: 2),
            Lifecycle.Received(At.Shanghai(2026, 11, 24, 15), "u-3").Assigned(Severity.Normal, At.Shanghai(2026, 11, 24, 15)).Escalated(At.Shanghai(2026, 11, 25, 15)).Resolved(At.Shanghai(2026, 11, 25, 16)).Unconfirmed(At.Shanghai(2026, 12, 2, 16)),
            Lifecycle.Received(At.Shanghai(2026, 11, 25, 10), "u-4").Rejected(At.Shanghai(2026, 11, 25, 10)),
            Lifecycle.Received(At.Shanghai(2026, 11, 25, 10, 30), "u-1").MergedInto(original.Complaint.Id, At.Shanghai(2026, 11, 25, 10, 30)),
        };

        var report = Report(complaints.Select(c => c.Facts()));

        Assert.Equal(5, report.Total);
        Assert.Equal(new Dictionary<string, long> { ["Delivery"] = 2, ["Payment"] = 1 }, report.ByCategory);
        Assert.Equal(new Dictionary<string, long> { ["High"] = 1, ["Normal"] = 2 }, report.BySeverity);
        Assert.Equal(new Dictionary<string, long> { ["logistics"] = 2, ["payments"] = 1 }, report.ByTeam);
        Assert.Equal(5, report.ByChannel["AppFeedback"]);
        Assert.Equal(2, report.ByOutcome["Resolved"]);
        Assert.Equal(1, report.ByOutcome["ResolvedUnconfirmed"]);
        Assert.Equal(0.2, report.EscalationRate, 6);
        Assert.Equal(1, report.TierReached["2"]);
        Assert.Equal(0.2, report.DuplicateRate, 6);
        Assert.Equal(0.2, report.RejectedAsAbuseRate, 6);
        Assert.Equal(0, report.ReopenRate);
        Assert.Equal(2.0 / 3, report.SatisfiedShare, 6);
        Assert.Equal(1.0 / 3, report.UnconfirmedShare, 6);
        Assert.Equal(3.5, report.MeanRating);
        Assert.Equal(new("10", 4), report.BusiestHours[0]);
        Assert.Equal(new("Monday", 2), report.BusiestWeekdays[0]);
    }

    [Fact]
    public void Median_p90_and_max_per_severity_come_from_the_distribution()
    {
        // Ten normal complaints answered after 1, 2, ... 10 minutes of SLA time.
        var facts = Enumerable.Range(1, 10).Select(i =>
            Lifecycle.Received(At.Shanghai(2026, 11, 23, 10), $"u-{i}")
                .Assigned(Severity.Normal, At.Shanghai(2026, 11, 23, 10))
                .Resolved(At.Shanghai(2026, 11, 23, 10, i))
                .Verdict(true, At.Shanghai(2026, 11, 23, 17))
                .Facts());

        var normal = Report(facts).Severities["Normal"];

        Assert.Equal(new DurationSummary(10, 5, 9, 10), normal.FirstResponseSlaTime);
        Assert.Equal(new DurationSummary(10, 5, 9, 10), normal.ResolutionWallTime);
        Assert.Equal(new ComplianceFigures(10, 0, 0), normal.Resolution);
        Assert.Equal(new DurationSummary(0, null, null, null), Report(facts).Severities["Urgent"].ResolutionSlaTime);
    }

    [Fact]
    public void Compliance_counts_met_breached_and_still_open_for_each_window()
    {
        var facts = new[]
        {
            Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Assigned(Severity.Urgent, At.Shanghai(2026, 11, 23, 10)).Resolved(At.Shanghai(2026, 11, 23, 11)).Verdict(true, At.Shanghai(2026, 11, 23, 12)).Facts(),
            Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Assigned(Severity.Urgent, At.Shanghai(2026, 11, 23, 10)).Resolved(At.Shanghai(2026, 11, 23, 13)).Facts(),
            Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Assigned(Severity.Urgent, At.Shanghai(2026, 11, 23, 10)).Facts(),
        };

        var urgent = Report(facts).Severities["Urgent"];

        Assert.Equal(new ComplianceFigures(1, 1, 1), urgent.FirstResponse);
        Assert.Equal(new ComplianceFigures(1, 0, 2), urgent.Resolution);
    }

    [Fact]
    public void Durations_are_kept_to_the_minute_then_the_quarter_hour_then_the_hour()
    {
        Assert.Equal(119, Duration.Bucket(TimeSpan.FromMinutes(119.9)));
        Assert.Equal(120, Duration.Bucket(TimeSpan.FromMinutes(134)));
        Assert.Equal(2820, Duration.Bucket(TimeSpan.FromMinutes(2834)));
        Assert.Equal(2880, Duration.Bucket(TimeSpan.FromMinutes(2939)));
    }

    [Fact]
    public void Taking_a_complaint_out_again_leaves_the_aggregate_as_it_was()
    {
        var before = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Assigned(Severity.Normal, At.Shanghai(2026, 11, 23, 10));
        var earlier = before.Facts();
        var aggregate = new StatisticsAggregate();
        aggregate.Add(earlier);
        var later = before.Resolved(At.Shanghai(2026, 11, 23, 12)).Verdict(true, At.Shanghai(2026, 11, 23, 13), rating: 4).Facts();

        aggregate.Remove(earlier);
        aggregate.Add(later);

        var fresh = new StatisticsAggregate();
        fresh.Add(later);
        Assert.True(aggregate.SameAs(fresh));
        Assert.Equal(1, aggregate.Counter(StatisticsKeys.Total));
        Assert.Equal(0, aggregate.Counter(StatisticsKeys.Compliance(StatisticsKeys.Resolution, Severity.Normal, SlaCompliance.Open)));
    }

    private static StatisticsReport Report(IEnumerable<ComplaintFacts> facts)
    {
        var aggregate = new StatisticsAggregate();
        foreach (var f in facts)
        {
            aggregate.Add(f);
        }

        return StatisticsReport.From(aggregate, November1, November30);
    }
}
