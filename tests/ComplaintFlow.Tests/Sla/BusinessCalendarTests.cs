using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Tests.Sla;

public sealed class BusinessCalendarTests
{
    // March 2026: Mon 9, Tue 10, Wed 11 (a holiday where stated), Thu 12, Fri 13, Sat 14, Sun 15, Mon 16.
    private readonly BusinessCalendar _shanghai = WorkingHoursBuilder.Shanghai().WithHoliday(2026, 3, 11).Calendar();

    [Theory]
    [InlineData("2026-03-10T10:00:00+08:00", true)]   // Tuesday morning
    [InlineData("2026-03-09T09:00:00+08:00", true)]   // opening time itself
    [InlineData("2026-03-09T08:59:59+08:00", false)]  // a second before opening
    [InlineData("2026-03-09T17:59:59+08:00", true)]   // a second before closing
    [InlineData("2026-03-09T18:00:00+08:00", false)]  // closing time itself
    [InlineData("2026-03-09T20:00:00+08:00", false)]  // evening
    [InlineData("2026-03-14T11:00:00+08:00", false)]  // Saturday
    [InlineData("2026-03-15T11:00:00+08:00", false)]  // Sunday
    [InlineData("2026-03-11T11:00:00+08:00", false)]  // Wednesday holiday
    [InlineData("2026-03-12T11:00:00+08:00", true)]   // Thursday after the holiday
    [InlineData("2026-03-10T02:00:00Z", true)]        // Tuesday 10:00 in Shanghai, given in UTC
    public void IsOpen_follows_the_local_working_hours(string at, bool open) =>
        Assert.Equal(open, _shanghai.IsOpen(At.Iso(at)));

    [Theory]
    [InlineData("2026-03-10T10:00:00+08:00", "2026-03-10T10:00:00+08:00")] // open: itself
    [InlineData("2026-03-09T07:00:00+08:00", "2026-03-09T09:00:00+08:00")] // early morning: same day
    [InlineData("2026-03-13T18:00:00+08:00", "2026-03-16T09:00:00+08:00")] // Friday closing: Monday
    [InlineData("2026-03-14T12:00:00+08:00", "2026-03-16T09:00:00+08:00")] // Saturday: Monday
    [InlineData("2026-03-10T19:00:00+08:00", "2026-03-12T09:00:00+08:00")] // evening before the holiday: the day after it
    public void NextOpening_is_the_next_moment_the_team_is_at_work(string at, string expected)
    {
        var next = _shanghai.NextOpening(At.Iso(at));

        Assert.Equal(At.Iso(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("2026-03-10T10:00:00+08:00", 3.0, "2026-03-10T13:00:00+08:00")]  // inside one day
    [InlineData("2026-03-10T10:00:00+08:00", 8.0, "2026-03-10T18:00:00+08:00")]  // used up at closing: due at closing
    [InlineData("2026-03-10T10:00:00+08:00", 9.0, "2026-03-11T10:00:00+08:00")]  // over the night
    [InlineData("2026-03-13T17:00:00+08:00", 24.0, "2026-03-18T14:00:00+08:00")] // Fri 1 h + Mon 9 + Tue 9 + Wed 5
    [InlineData("2026-03-14T12:00:00+08:00", 1.0, "2026-03-16T10:00:00+08:00")]  // started on a Saturday
    [InlineData("2026-03-09T07:00:00+08:00", 0.5, "2026-03-09T09:30:00+08:00")]  // started before opening
    [InlineData("2026-03-13T17:00:00+08:00", 0.0, "2026-03-13T17:00:00+08:00")]  // nothing to add
    [InlineData("2026-03-14T12:00:00+08:00", 0.0, "2026-03-14T12:00:00+08:00")]  // nothing to add, closed
    public void AddBusinessTime_counts_only_working_hours(string start, double hours, string expected)
    {
        var calendar = WorkingHoursBuilder.Shanghai().Calendar();

        var due = calendar.AddBusinessTime(At.Iso(start), TimeSpan.FromHours(hours));

        Assert.Equal(At.Iso(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void A_holiday_in_the_window_pushes_the_deadline_a_working_day()
    {
        var withHoliday = WorkingHoursBuilder.Shanghai().WithHoliday(2026, 3, 16).Calendar();

        var due = withHoliday.AddBusinessTime(At.Shanghai(2026, 3, 13, 17), TimeSpan.FromHours(24));

        Assert.Equal(At.Shanghai(2026, 3, 19, 14), due);
    }

    [Fact]
    public void A_holiday_on_a_weekend_changes_nothing()
    {
        var withHoliday = WorkingHoursBuilder.Shanghai().WithHoliday(2026, 3, 14).Calendar();

        var due = withHoliday.AddBusinessTime(At.Shanghai(2026, 3, 13, 17), TimeSpan.FromHours(24));

        Assert.Equal(At.Shanghai(2026, 3, 18, 14), due);
    }

    [Theory]
    [InlineData("2026-03-13T17:00:00+08:00", "2026-03-16T10:00:00+08:00", 2.0)]  // over a weekend
    [InlineData("2026-03-16T10:00:00+08:00", "2026-03-13T17:00:00+08:00", -2.0)] // backwards: negative
    [InlineData("2026-03-14T08:00:00+08:00", "2026-03-15T20:00:00+08:00", 0.0)]  // all weekend
    [InlineData("2026-03-10T17:00:00+08:00", "2026-03-12T10:00:00+08:00", 2.0)]  // over the Wednesday holiday
    [InlineData("2026-03-09T00:00:00+08:00", "2026-03-16T00:00:00+08:00", 36.0)] // a week with a holiday
    public void BusinessTimeBetween_counts_only_working_hours(string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), _shanghai.BusinessTimeBetween(At.Iso(from), At.Iso(to)));

    [Fact]
    public void Negative_business_time_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _shanghai.AddBusinessTime(At.Shanghai(2026, 3, 9, 10), TimeSpan.FromHours(-1)));

    [Fact]
    public void Invalid_working_hours_are_refused_with_the_setting_named()
    {
        var options = new WorkingHoursOptions { TimeZone = "Mars/Olympus_Mons" };

        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar(options));

        Assert.Contains("WorkingHours:TimeZone 'Mars/Olympus_Mons' is not a known time zone id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLocal_shows_an_instant_in_the_team_time_zone()
    {
        var local = _shanghai.ToLocal(At.Utc(2026, 3, 13, 10));

        Assert.Equal(new DateTime(2026, 3, 13, 18, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
    }
}
