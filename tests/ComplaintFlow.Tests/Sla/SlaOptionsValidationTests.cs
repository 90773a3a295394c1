using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Tests.Sla;

public sealed class SlaOptionsValidationTests
{
    private static readonly Dictionary<string, Action<SlaOptions>> SlaBreakages = new()
    {
        ["urgent first response zero"] = o => o.Targets[Severity.Urgent].FirstResponse = TimeSpan.Zero,
        ["normal resolution negative"] = o => o.Targets[Severity.Normal].Resolution = TimeSpan.FromHours(-1),
        ["high resolution shorter than first response"] = o => o.Targets[Severity.High].Resolution = TimeSpan.FromHours(4),
        ["low target missing"] = o => o.Targets.Remove(Severity.Low),
        ["reminder fraction of one"] = o => o.ReminderFractions = [0.5, 1.0],
        ["reminder fraction zero"] = o => o.ReminderFractions = [0.0],
        ["customer info timeout zero"] = o => o.CustomerInfoTimeout = TimeSpan.Zero,
        ["confirmation reminder zero"] = o => o.ConfirmationReminderAfter = TimeSpan.Zero,
        ["confirmation reminder after the timeout"] = o => o.ConfirmationReminderAfter = TimeSpan.FromDays(8),
        ["confirmation timeout negative"] = o => o.ConfirmationTimeout = TimeSpan.FromDays(-1),
        ["max reopenings negative"] = o => o.MaxReopenings = -1,
    };

    private static readonly Dictionary<string, Action<WorkingHoursOptions>> WorkingHoursBreakages = new()
    {
        ["unknown time zone"] = o => o.TimeZone = "Asia/Atlantis",
        ["empty time zone"] = o => o.TimeZone = " ",
        ["no days"] = o => o.Days = [],
        ["not a day"] = o => o.Days = [DayOfWeek.Monday, (DayOfWeek)9],
        ["closes before opening"] = o => (o.Opens, o.Closes) = (new TimeOnly(18, 0), new TimeOnly(9, 0)),
        ["closes when opening"] = o => o.Closes = o.Opens,
    };

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(SlaOptions.Default.Validate());
        Assert.Empty(new WorkingHoursOptions().Validate());
    }

    [Fact]
    public void Default_gives_a_fresh_copy_each_time()
    {
        SlaOptions.Default.Targets[Severity.Urgent].FirstResponse = TimeSpan.FromDays(30);

        Assert.Equal(TimeSpan.FromHours(2), SlaOptions.Default.Targets[Severity.Urgent].FirstResponse);
    }

    [Theory]
    [InlineData("urgent first response zero", "Sla:Targets:Urgent:FirstResponse must be positive")]
    [InlineData("normal resolution negative", "Sla:Targets:Normal:Resolution must be positive")]
    [InlineData("high resolution shorter than first response", "Sla:Targets:High:Resolution must not be shorter than Sla:Targets:High:FirstResponse")]
    [InlineData("low target missing", "Sla:Targets:Low is missing")]
    [InlineData("reminder fraction of one", "Sla:ReminderFractions:1 must be between 0 and 1 (exclusive), was 1")]
    [InlineData("reminder fraction zero", "Sla:ReminderFractions:0 must be between 0 and 1 (exclusive), was 0")]
    [InlineData("customer info timeout zero", "Sla:CustomerInfoTimeout must be positive")]
    [InlineData("confirmation reminder zero", "Sla:ConfirmationReminderAfter must be positive")]
    [InlineData("confirmation reminder after the timeout", "Sla:ConfirmationReminderAfter must be shorter than Sla:ConfirmationTimeout")]
    [InlineData("confirmation timeout negative", "Sla:ConfirmationTimeout must be positive")]
    [InlineData("max reopenings negative", "Sla:MaxReopenings must not be negative")]
    public void Sla_validation_names_the_setting(string breakage, string message)
    {
        var options = SlaOptions.Default;
        SlaBreakages[breakage](options);

        Assert.Contains(message, options.Validate());
    }

    [Theory]
    [InlineData("unknown time zone", "WorkingHours:TimeZone 'Asia/Atlantis' is not a known time zone id")]
    [InlineData("empty time zone", "WorkingHours:TimeZone must be set to an IANA time zone id such as 'Asia/Shanghai'")]
    [InlineData("no days", "WorkingHours:Days must name at least one working day")]
    [InlineData("not a day", "WorkingHours:Days:1 (9) is not a day of the week")]
    [InlineData("closes before opening", "WorkingHours:Opens (18:00) must be before WorkingHours:Closes (09:00)")]
    [InlineData("closes when opening", "WorkingHours:Opens (09:00) must be before WorkingHours:Closes (09:00)")]
    public void Working_hours_validation_names_the_setting(string breakage, string message)
    {
        var options = new WorkingHoursOptions();
        WorkingHoursBreakages[breakage](options);

        Assert.Contains(message, options.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var options = SlaOptions.Default;
        options.Targets[Severity.Urgent].FirstResponse = TimeSpan.Zero;
        options.MaxReopenings = -1;

        Assert.Equal(2, options.Validate().Count);
    }
}
