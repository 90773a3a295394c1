using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Tests.Sla;

/// <summary>
/// Europe/Berlin in 2026: clocks go from 02:00 CET to 03:00 CEST on Sunday 29 March and from 03:00 CEST back to
/// 02:00 CET on Sunday 25 October. Working hours stay 09:00–18:00 local on both sides, so their UTC instants move.
/// </summary>
public sealed class DaylightSavingTests
{
    private readonly BusinessCalendar _berlin = WorkingHoursBuilder.Berlin().Calendar();

    [Theory]
    // Friday 27 March 17:00 CET = 16:00Z.
    [InlineData("2026-03-27T16:00:00Z", 1.0, "2026-03-27T17:00:00Z")]  // Friday 18:00 CET
    [InlineData("2026-03-27T16:00:00Z", 2.0, "2026-03-30T08:00:00Z")]  // Monday 10:00 CEST
    [InlineData("2026-03-27T16:00:00Z", 24.0, "2026-04-01T12:00:00Z")] // Wednesday 14:00 CEST
    // Friday 23 October 17:00 CEST = 15:00Z.
    [InlineData("2026-10-23T15:00:00Z", 1.0, "2026-10-23T16:00:00Z")]  // Friday 18:00 CEST
    [InlineData("2026-10-23T15:00:00Z", 2.0, "2026-10-26T09:00:00Z")]  // Monday 10:00 CET
    [InlineData("2026-10-23T15:00:00Z", 24.0, "2026-10-28T13:00:00Z")] // Wednesday 14:00 CET
    public void Business_hours_stay_nine_to_six_local_across_a_weekend_clock_change(string start, double hours, string expected) =>
        Assert.Equal(At.Iso(expected), _berlin.AddBusinessTime(At.Iso(start), TimeSpan.FromHours(hours)));

    [Theory]
    [InlineData("2026-03-28T12:00:00Z", "2026-03-30T07:00:00Z")] // Monday 09:00 CEST
    [InlineData("2026-03-27T07:59:59Z", "2026-03-27T08:00:00Z")] // Friday 09:00 CET
    [InlineData("2026-10-24T12:00:00Z", "2026-10-26T08:00:00Z")] // Monday 09:00 CET
    [InlineData("2026-10-23T06:30:00Z", "2026-10-23T07:00:00Z")] // Friday 09:00 CEST
    public void The_team_is_back_at_nine_local_after_a_clock_change(string at, string expected) =>
        Assert.Equal(At.Iso(expected), _berlin.NextOpening(At.Iso(at)));

    [Fact]
    public void A_working_day_on_each_side_of_the_spring_change_counts_nine_hours()
    {
        var fridayOpening = new DateTimeOffset(2026, 3, 27, 9, 0, 0, At.Cet);
        var mondayClosing = new DateTimeOffset(2026, 3, 30, 18, 0, 0, At.Cest);

        Assert.Equal(TimeSpan.FromHours(18), _berlin.BusinessTimeBetween(fridayOpening, mondayClosing));
    }

    [Fact]
    public void Hours_across_the_night_of_the_change_count_real_elapsed_time()
    {
        var nights = WorkingHoursBuilder.Berlin().EveryDay().From(1).Until(4).Calendar();

        // 01:00 CET to 04:00 CEST is two real hours; 01:00 CEST to 04:00 CET is four.
        var spring = nights.BusinessTimeBetween(At.Utc(2026, 3, 28, 23), At.Utc(2026, 3, 29, 12));
        var autumn = nights.BusinessTimeBetween(At.Utc(2026, 10, 24, 22), At.Utc(2026, 10, 25, 12));

        Assert.Equal(TimeSpan.FromHours(2), spring);
        Assert.Equal(TimeSpan.FromHours(4), autumn);
    }

    [Fact]
    public void An_opening_time_skipped_by_the_spring_change_is_read_as_if_the_clocks_had_not_moved_yet()
    {
        // 02:30 does not exist on 29 March: read with CET it is 01:30Z, which the wall clock shows as 03:30 CEST.
        var calendar = WorkingHoursBuilder.Berlin().EveryDay().From(2, 30).Until(4).Calendar();

        Assert.Equal(At.Utc(2026, 3, 29, 1, 30), calendar.NextOpening(At.Utc(2026, 3, 29, 0)));
        Assert.False(calendar.IsOpen(At.Utc(2026, 3, 29, 1, 29)));
        Assert.Equal(TimeSpan.FromMinutes(30), calendar.BusinessTimeBetween(At.Utc(2026, 3, 29, 0), At.Utc(2026, 3, 29, 12)));
    }

    [Fact]
    public void An_opening_time_repeated_by_the_autumn_change_is_its_first_occurrence()
    {
        // 02:30 happens twice on 25 October: first at 02:30 CEST (00:30Z), again at 02:30 CET (01:30Z).
        var calendar = WorkingHoursBuilder.Berlin().EveryDay().From(2, 30).Until(4).Calendar();

        Assert.Equal(At.Utc(2026, 10, 25, 0, 30), calendar.NextOpening(At.Utc(2026, 10, 25, 0)));
        Assert.Equal(TimeSpan.FromHours(2.5), calendar.BusinessTimeBetween(At.Utc(2026, 10, 25, 0), At.Utc(2026, 10, 25, 12)));
    }

    [Fact]
    public void A_working_day_swallowed_by_the_spring_gap_has_no_working_time()
    {
        // Opening 02:30 is read as 03:30 CEST, after the 03:15 closing: nothing is left of Sunday 29 March.
        var calendar = WorkingHoursBuilder.Berlin().On(DayOfWeek.Sunday).From(2, 30).Until(3, 15).Calendar();

        Assert.Equal(new DateTimeOffset(2026, 4, 5, 2, 30, 0, At.Cest), calendar.NextOpening(At.Utc(2026, 3, 28, 12)));
    }
}
