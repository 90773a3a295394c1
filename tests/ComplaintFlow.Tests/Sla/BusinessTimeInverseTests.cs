namespace ComplaintFlow.Tests.Sla;

/// <summary>Property-style checks over many random instants (fixed seeds, so a failure always reproduces).</summary>
public sealed class BusinessTimeInverseTests
{
    private const int Samples = 400;

    private static readonly DateTimeOffset Origin = At.Utc(2026, 1, 1, 0);

    public static TheoryData<string> Calendars => [.. CalendarsByName.Keys];

    private static Dictionary<string, WorkingHoursBuilder> CalendarsByName => new()
    {
        ["Shanghai with holidays"] = WorkingHoursBuilder.Shanghai()
            .WithHoliday(2026, 2, 16).WithHoliday(2026, 2, 17).WithHoliday(2026, 2, 18).WithHoliday(2026, 5, 1)
            .WithHoliday(2026, 10, 1).WithHoliday(2026, 10, 2).WithHoliday(2026, 10, 5),
        ["Berlin office hours"] = WorkingHoursBuilder.Berlin().WithHoliday(2026, 4, 3).WithHoliday(2026, 12, 25),
        ["Berlin nights over the clock changes"] = WorkingHoursBuilder.Berlin().EveryDay().From(1, 15).Until(3, 45),
        ["Berlin opening inside the clock changes"] = WorkingHoursBuilder.Berlin().On(DayOfWeek.Saturday, DayOfWeek.Sunday).From(2, 30).Until(9),
    };

    [Theory]
    [MemberData(nameof(Calendars))]
    public void BusinessTimeBetween_gives_back_what_AddBusinessTime_added(string name)
    {
        var calendar = CalendarsByName[name].Calendar();
        var random = new Random(20260101);

        for (var i = 0; i < Samples; i++)
        {
            var start = RandomInstant(random);
            var businessTime = TimeSpan.FromSeconds(random.Next(0, 200 * 3600)) + TimeSpan.FromTicks(random.Next(0, 10_000_000));

            var due = calendar.AddBusinessTime(start, businessTime);

            Assert.Equal(businessTime, calendar.BusinessTimeBetween(start, due));
            Assert.True(due >= start, $"{name}: {start:O} + {businessTime} went back to {due:O}");
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void AddBusinessTime_of_the_time_between_reaches_the_end_or_the_last_closing_before_it(string name)
    {
        var calendar = CalendarsByName[name].Calendar();
        var random = new Random(20261025);

        for (var i = 0; i < Samples; i++)
        {
            var from = RandomInstant(random);
            var to = from + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 20));

            var reached = calendar.AddBusinessTime(from, calendar.BusinessTimeBetween(from, to));

            if (calendar.IsOpen(to))
            {
                Assert.Equal(to, reached);
            }
            else
            {
                Assert.True(reached <= to, $"{name}: from {from:O} to {to:O} reached {reached:O}");
                Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(reached, to));
            }
        }
    }

    private static DateTimeOffset RandomInstant(Random random) =>
        Origin + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 366)) + TimeSpan.FromSeconds(random.Next(0, 60));
}
