using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Tests.Sla;

namespace ComplaintFlow.Tests.Statistics;

public sealed class ComplaintFactsTests
{
    // November 2026 in Shanghai: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Sun 29, Mon 30; Tue 1 December.

    [Fact]
    public void Waiting_on_the_customer_is_left_out_of_SLA_time_but_not_out_of_wall_time()
    {
        var facts = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10))
            .Assigned(Severity.Normal, At.Shanghai(2026, 11, 23, 10))
            .Asked(At.Shanghai(2026, 11, 23, 11))
            .Answered(At.Shanghai(2026, 11, 25, 11))
            .Resolved(At.Shanghai(2026, 11, 25, 13))
            .Verdict(true, At.Shanghai(2026, 11, 26, 9), rating: 4)
            .Facts();

        Assert.Equal(TimeSpan.FromHours(1), facts.FirstResponseSla);
        Assert.Equal(TimeSpan.FromHours(1), facts.FirstResponseWall);
        // 10:00–11:00 on Monday, then 11:00–13:00 on Wednesday: the two working days in between were a pause.
        Assert.Equal(TimeSpan.FromHours(3), facts.ResolutionSla);
        Assert.Equal(TimeSpan.FromHours(51), facts.ResolutionWall);
        Assert.Equal(SlaCompliance.Met, facts.ResolutionCompliance);
    }

    [Fact]
    public void Normal_severity_counts_business_hours_and_urgent_counts_around_the_clock()
    {
        var normal = Lifecycle.Received(At.Shanghai(2026, 11, 27, 17)).Assigned(Severity.Normal, At.Shanghai(2026, 11, 27, 17)).Resolved(At.Shanghai(2026, 11, 30, 10)).Unconfirmed(At.Shanghai(2026, 12, 7, 10)).Facts();
        var urgent = Lifecycle.Received(At.Shanghai(2026, 11, 27, 17)).Assigned(Severity.Urgent, At.Shanghai(2026, 11, 27, 17)).Resolved(At.Shanghai(2026, 11, 28, 20)).Unconfirmed(At.Shanghai(2026, 12, 5, 20)).Facts();

        Assert.Equal(TimeSpan.FromHours(2), normal.ResolutionSla);
        Assert.Equal(TimeSpan.FromHours(65), normal.ResolutionWall);
        Assert.Equal(TimeSpan.FromHours(27), urgent.ResolutionSla);
        Assert.Equal(SlaCompliance.Breached, urgent.ResolutionCompliance);
        Assert.Equal(SlaCompliance.Breached, urgent.FirstResponseCompliance);
        Assert.Equal(SlaCompliance.Met, normal.FirstResponseCompliance);
    }

    [Fact]
    public void A_complaint_resolved_in_the_next_month_counts_in_the_month_it_arrived_with_its_whole_time()
    {
        var facts = Lifecycle.Received(At.Shanghai(2026, 11, 30, 10))
            .Assigned(Severity.Low, At.Shanghai(2026, 11, 30, 10))
            .Resolved(At.Shanghai(2026, 12, 2, 10))
            .Verdict(true, At.Shanghai(2026, 12, 2, 12), rating: 5)
            .Facts();

        Assert.Equal(new DateOnly(2026, 11, 30), facts.ReceivedDay);
        Assert.Equal(TimeSpan.FromHours(18), facts.ResolutionSla);
        Assert.Equal(TimeSpan.FromHours(48), facts.ResolutionWall);
        Assert.Equal(ComplaintOutcome.Resolved, facts.Outcome);
    }

    [Fact]
    public void An_open_complaint_is_still_open_until_its_window_is_breached()
    {
        var life = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Assigned(Severity.High, At.Shanghai(2026, 11, 23, 10));
        var open = life.Facts();
        var breached = life.Breached("first response", At.Shanghai(2026, 11, 23, 18)).Facts();

        Assert.Equal(SlaCompliance.Open, open.FirstResponseCompliance);
        Assert.Equal(SlaCompliance.Open, open.ResolutionCompliance);
        Assert.Equal(SlaCompliance.Breached, breached.FirstResponseCompliance);
        Assert.Equal(SlaCompliance.Open, breached.ResolutionCompliance);
        Assert.Null(breached.FirstResponseSla);
    }

    [Fact]
    public void A_dissatisfied_customer_makes_a_second_round_at_a_higher_tier()
    {
        var facts = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10))
            .Assigned(Severity.Normal, At.Shanghai(2026, 11, 23, 10))
            .Resolved(At.Shanghai(2026, 11, 23, 12))
            .Verdict(false, At.Shanghai(2026, 11, 24, 10), rating: 1)
            .Assigned(Severity.Normal, At.Shanghai(2026, 11, 24, 10))
            .Resolved(At.Shanghai(2026, 11, 24, 11))
            .Verdict(true, At.Shanghai(2026, 11, 24, 15), rating: 3)
            .Facts();

        Assert.True(facts.Reopened);
        Assert.Equal(2, facts.TierReached);
        Assert.True(facts.Satisfied);
        Assert.Equal(3, facts.Rating);
        // 10–12 on Monday, the customer's wait until Tuesday 10:00 left out, then 10–11.
        Assert.Equal(TimeSpan.FromHours(3), facts.ResolutionSla);
    }

    [Fact]
    public void The_hour_and_weekday_are_read_in_the_calendar_zone()
    {
        var facts = Lifecycle.Received(At.Utc(2026, 11, 22, 17)).Facts();

        Assert.Equal(1, facts.LocalHour);
        Assert.Equal(DayOfWeek.Monday, facts.LocalWeekday);
        Assert.Equal(new DateOnly(2026, 11, 22), facts.ReceivedDay);
    }
}
