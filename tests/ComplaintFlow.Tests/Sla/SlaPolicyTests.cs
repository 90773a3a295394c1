using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Tests.Sla;

public sealed class SlaPolicyTests
{
    // March 2026 in Shanghai: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13, Sat 14, Sun 15, Mon 16 ... Wed 25.
    private readonly SlaPolicy _policy = new(SlaOptions.Default, WorkingHoursBuilder.Shanghai().WithHoliday(2026, 3, 11).Calendar());
    private readonly SlaPolicy _noHolidays = new(SlaOptions.Default, WorkingHoursBuilder.Shanghai().Calendar());

    [Theory]
    [InlineData(Severity.Urgent, 2, 24, true)]
    [InlineData(Severity.High, 8, 48, false)]
    [InlineData(Severity.Normal, 24, 72, false)]
    [InlineData(Severity.Low, 48, 120, false)]
    public void Default_targets_follow_the_design(Severity severity, int firstResponseHours, int resolutionHours, bool aroundTheClock)
    {
        var target = _policy.TargetFor(severity);

        Assert.Equal(TimeSpan.FromHours(firstResponseHours), target.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(resolutionHours), target.Resolution);
        Assert.Equal(aroundTheClock, target.AroundTheClock);
    }

    [Fact]
    public void Urgent_complaint_on_a_Sunday_night_runs_around_the_clock()
    {
        var deadlines = _policy.Start(Severity.Urgent, At.Shanghai(2026, 3, 15, 23));

        Assert.Equal(At.Shanghai(2026, 3, 16, 1), deadlines.FirstResponse.Due);
        Assert.Equal([At.Shanghai(2026, 3, 16, 0), At.Shanghai(2026, 3, 16, 0, 36)], deadlines.FirstResponse.Reminders);
        Assert.Equal(At.Shanghai(2026, 3, 16, 23), deadlines.Resolution.Due);
        Assert.Equal([At.Shanghai(2026, 3, 16, 11), At.Shanghai(2026, 3, 16, 18, 12)], deadlines.Resolution.Reminders);
    }

    [Fact]
    public void Normal_complaint_on_Friday_afternoon_is_due_after_24_working_hours()
    {
        // 24 business hours = 2⅔ working days of 9 h: Friday 17–18 (1 h), Monday (9), Tuesday (9), Wednesday 9–14 (5).
        var deadlines = _noHolidays.Start(Severity.Normal, At.Shanghai(2026, 3, 13, 17));

        Assert.Equal(At.Utc(2026, 3, 18, 6), deadlines.FirstResponse.Due);
        Assert.Equal([At.Shanghai(2026, 3, 17, 11), At.Shanghai(2026, 3, 18, 9, 12)], deadlines.FirstResponse.Reminders);
        // 72 business hours: Friday 1 + a full week 45 + Monday 9 + Tuesday 9 + Wednesday 9–17 (8).
        Assert.Equal(At.Shanghai(2026, 3, 25, 17), deadlines.Resolution.Due);
    }

    [Fact]
    public void A_holiday_in_the_window_pushes_the_first_response_a_day()
    {
        var withMondayOff = new SlaPolicy(SlaOptions.Default, WorkingHoursBuilder.Shanghai().WithHoliday(2026, 3, 16).Calendar());

        var deadlines = withMondayOff.Start(Severity.Normal, At.Shanghai(2026, 3, 13, 17));

        Assert.Equal(At.Shanghai(2026, 3, 19, 14), deadlines.FirstResponse.Due);
    }

    [Fact]
    public void Reminders_fall_at_half_and_four_fifths_of_each_window_in_business_time()
    {
        var deadlines = _noHolidays.Start(Severity.High, At.Shanghai(2026, 3, 9, 9));

        // First response 8 h: 4 h and 6 h 24 min in.
        Assert.Equal(At.Shanghai(2026, 3, 9, 17), deadlines.FirstResponse.Due);
        Assert.Equal([At.Shanghai(2026, 3, 9, 13), At.Shanghai(2026, 3, 9, 15, 24)], deadlines.FirstResponse.Reminders);
        // Resolution 48 h: 24 h (Mon, Tue, Wed 9–15) and 38 h 24 min (Mon–Thu, Fri 9–11:24) in.
        Assert.Equal(At.Shanghai(2026, 3, 16, 12), deadlines.Resolution.Due);
        Assert.Equal([At.Shanghai(2026, 3, 11, 15), At.Shanghai(2026, 3, 13, 11, 24)], deadlines.Resolution.Reminders);
    }

    [Fact]
    public void Configured_reminder_fractions_are_used_in_order_and_once()
    {
        var options = SlaOptions.Default;
        options.ReminderFractions = [0.9, 0.25, 0.9];
        var policy = new SlaPolicy(options, WorkingHoursBuilder.Shanghai().Calendar());

        var deadlines = policy.Start(Severity.High, At.Shanghai(2026, 3, 9, 9));

        Assert.Equal([At.Shanghai(2026, 3, 9, 11), At.Shanghai(2026, 3, 9, 16, 12)], deadlines.FirstResponse.Reminders);
    }

    [Fact]
    public void No_reminder_fractions_means_no_reminders()
    {
        var options = SlaOptions.Default;
        options.ReminderFractions = [];
        var policy = new SlaPolicy(options, WorkingHoursBuilder.Shanghai().Calendar());

        var deadlines = policy.Start(Severity.Low, At.Shanghai(2026, 3, 9, 9));

        Assert.Empty(deadlines.FirstResponse.Reminders);
        Assert.Empty(deadlines.Resolution.Reminders);
    }

    [Fact]
    public void Resuming_gives_the_business_time_that_was_left_at_the_pause()
    {
        // High, started Monday 17:00: first response due Tuesday 16:00 (1 h Monday + 7 h Tuesday).
        var started = _noHolidays.Start(Severity.High, At.Shanghai(2026, 3, 9, 17));
        Assert.Equal(At.Shanghai(2026, 3, 10, 16), started.FirstResponse.Due);

        // Paused Tuesday 10:00 with 6 h left, resumed Thursday 15:00: 3 h Thursday + 3 h Friday.
        var resumed = _noHolidays.Resume(started, At.Shanghai(2026, 3, 10, 10), At.Shanghai(2026, 3, 12, 15));

        Assert.Equal(At.Shanghai(2026, 3, 13, 12), resumed.FirstResponse.Due);
        // 2 h were used; the 4 h and 6 h 24 min points are 2 h and 4 h 24 min of working time after the resume.
        Assert.Equal([At.Shanghai(2026, 3, 12, 17), At.Shanghai(2026, 3, 13, 10, 24)], resumed.FirstResponse.Reminders);
        // Resolution 48 h, 46 h left: Thu 3 + Fri 9 + Mon 9 + Tue 9 + Wed 9 + Thu 9–16 (7).
        Assert.Equal(At.Shanghai(2026, 3, 19, 16), resumed.Resolution.Due);
        Assert.Equal(Severity.High, resumed.Severity);
    }

    [Fact]
    public void Resuming_drops_the_reminders_whose_point_had_passed_before_the_pause()
    {
        var started = _noHolidays.Start(Severity.High, At.Shanghai(2026, 3, 9, 9));

        // Paused at 14:00 after 5 of 8 hours: the 50 % reminder (4 h) has gone out, the 80 % one (6 h 24 min) has not.
        var resumed = _noHolidays.Resume(started, At.Shanghai(2026, 3, 9, 14), At.Shanghai(2026, 3, 10, 10));

        Assert.Equal(At.Shanghai(2026, 3, 10, 13), resumed.FirstResponse.Due);
        Assert.Equal([At.Shanghai(2026, 3, 10, 11, 24)], resumed.FirstResponse.Reminders);
    }

    [Fact]
    public void Resuming_an_urgent_complaint_gives_the_calendar_time_that_was_left()
    {
        var started = _policy.Start(Severity.Urgent, At.Shanghai(2026, 3, 14, 0));

        // Paused Saturday 01:30 with 30 min of the 2 h left; resumed Sunday 10:00.
        var resumed = _policy.Resume(started, At.Shanghai(2026, 3, 14, 1, 30), At.Shanghai(2026, 3, 15, 10));

        Assert.Equal(At.Shanghai(2026, 3, 15, 10, 30), resumed.FirstResponse.Due);
        Assert.Equal([At.Shanghai(2026, 3, 15, 10, 6)], resumed.FirstResponse.Reminders);
        Assert.Equal(At.Shanghai(2026, 3, 16, 8, 30), resumed.Resolution.Due);
        Assert.Equal([At.Shanghai(2026, 3, 15, 20, 30), At.Shanghai(2026, 3, 16, 3, 42)], resumed.Resolution.Reminders);
    }

    [Fact]
    public void Resuming_a_window_that_had_already_run_out_makes_it_due_at_once()
    {
        var started = _noHolidays.Start(Severity.High, At.Shanghai(2026, 3, 9, 9));

        var resumed = _noHolidays.Resume(started, At.Shanghai(2026, 3, 10, 9), At.Shanghai(2026, 3, 12, 11));

        Assert.Equal(At.Shanghai(2026, 3, 12, 11), resumed.FirstResponse.Due);
        Assert.Empty(resumed.FirstResponse.Reminders);
    }

    [Fact]
    public void Resuming_before_the_pause_is_refused()
    {
        var started = _policy.Start(Severity.High, At.Shanghai(2026, 3, 9, 9));

        Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Resume(started, At.Shanghai(2026, 3, 9, 12), At.Shanghai(2026, 3, 9, 11)));
    }

    [Fact]
    public void Pausing_and_resuming_without_losing_time_changes_nothing()
    {
        var started = _policy.Start(Severity.Normal, At.Shanghai(2026, 3, 9, 10));

        var resumed = _policy.Resume(started, At.Shanghai(2026, 3, 9, 10), At.Shanghai(2026, 3, 9, 10));

        Assert.Equal(started, resumed);
    }

    [Theory]
    [InlineData("2026-03-10T20:00:00+08:00", true, "2026-03-12T09:00:00+08:00")]  // evening before the Wednesday holiday
    [InlineData("2026-03-14T11:00:00+08:00", true, "2026-03-16T09:00:00+08:00")]  // Saturday
    [InlineData("2026-03-11T11:00:00+08:00", true, "2026-03-12T09:00:00+08:00")]  // the holiday itself
    [InlineData("2026-03-12T08:00:00+08:00", true, "2026-03-12T09:00:00+08:00")]  // early morning
    [InlineData("2026-03-12T11:00:00+08:00", false, "2026-03-12T11:00:00+08:00")] // open
    public void Out_of_hours_complaints_are_told_when_the_team_is_back(string at, bool outOfHours, string backAt)
    {
        Assert.Equal(outOfHours, _policy.IsOutOfHours(At.Iso(at)));
        Assert.Equal(At.Iso(backAt), _policy.BackAt(At.Iso(at)));
    }

    [Fact]
    public void Every_instant_the_policy_returns_is_in_utc()
    {
        var deadlines = _policy.Resume(
            _policy.Start(Severity.Low, At.Shanghai(2026, 3, 13, 17)), At.Shanghai(2026, 3, 16, 10), At.Shanghai(2026, 3, 17, 10));
        var started = _policy.Start(Severity.Urgent, At.Shanghai(2026, 3, 13, 17));

        DateTimeOffset[] all =
        [
            deadlines.FirstResponse.Due, .. deadlines.FirstResponse.Reminders, deadlines.Resolution.Due, .. deadlines.Resolution.Reminders,
            started.FirstResponse.Due, .. started.FirstResponse.Reminders, started.Resolution.Due, .. started.Resolution.Reminders,
            _policy.BackAt(At.Shanghai(2026, 3, 14, 10)), _policy.BackAt(At.Shanghai(2026, 3, 13, 10)),
        ];
        Assert.All(all, instant => Assert.Equal(TimeSpan.Zero, instant.Offset));
    }

    [Fact]
    public void Changing_the_options_after_building_the_policy_does_not_change_its_deadlines()
    {
        var options = SlaOptions.Default;
        var policy = new SlaPolicy(options, WorkingHoursBuilder.Shanghai().Calendar());

        options.Targets[Severity.High].FirstResponse = TimeSpan.FromHours(1);
        options.ReminderFractions.Clear();

        var deadlines = policy.Start(Severity.High, At.Shanghai(2026, 3, 9, 9));
        Assert.Equal(At.Shanghai(2026, 3, 9, 17), deadlines.FirstResponse.Due);
        Assert.Equal(2, deadlines.FirstResponse.Reminders.Count);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        var options = SlaOptions.Default;
        options.Targets[Severity.Low].Resolution = TimeSpan.Zero;

        var error = Assert.Throws<ArgumentException>(() => new SlaPolicy(options, WorkingHoursBuilder.Shanghai().Calendar()));

        Assert.Contains("Sla:Targets:Low:Resolution must be positive", error.Message, StringComparison.Ordinal);
    }
}
