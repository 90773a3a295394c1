using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Tests.Sla;

/// <summary>Typed test data for working hours: <c>WorkingHoursBuilder.Shanghai().WithHoliday(2026, 3, 16).Calendar()</c>.</summary>
internal sealed class WorkingHoursBuilder
{
    private readonly WorkingHoursOptions _options;

    private WorkingHoursBuilder(string timeZone) => _options = new WorkingHoursOptions { TimeZone = timeZone };

    /// <summary>The defaults: Asia/Shanghai, Monday to Friday, 09:00–18:00, no holidays.</summary>
    public static WorkingHoursBuilder Shanghai() => new("Asia/Shanghai");

    /// <summary>Europe/Berlin, Monday to Friday, 09:00–18:00, no holidays (DST: last Sunday of March and of October).</summary>
    public static WorkingHoursBuilder Berlin() => new("Europe/Berlin");

    public WorkingHoursBuilder WithHoliday(int year, int month, int day)
    {
        _options.Holidays.Add(new DateOnly(year, month, day));
        return this;
    }

    public WorkingHoursBuilder EveryDay() => On(Enum.GetValues<DayOfWeek>());

    public WorkingHoursBuilder On(params DayOfWeek[] days)
    {
        _options.Days = [.. days];
        return this;
    }

    public WorkingHoursBuilder From(int hour, int minute = 0)
    {
        _options.Opens = new TimeOnly(hour, minute);
        return this;
    }

    public WorkingHoursBuilder Until(int hour, int minute = 0)
    {
        _options.Closes = new TimeOnly(hour, minute);
        return this;
    }

    public WorkingHoursOptions Build() => _options;

    public BusinessCalendar Calendar() => new(_options);
}
