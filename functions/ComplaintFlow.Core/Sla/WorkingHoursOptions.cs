using System.Globalization;

namespace ComplaintFlow.Core.Sla;

/// <summary>
/// When the complaints team works (configuration section <c>WorkingHours</c>). Business-hours SLA windows only
/// run inside these hours; outside them the acknowledgement tells the customer when the team is back.
/// </summary>
/// <remarks>
/// Lists bound from configuration are appended to the defaults by <c>ConfigurationBinder</c>; a host that lets
/// configuration set <see cref="Days"/> should clear the list first (or bind into a fresh instance).
/// </remarks>
public sealed class WorkingHoursOptions
{
    public const string SectionName = "WorkingHours";

    /// <summary>IANA time zone id the hours, days and holidays are read in, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The days of the week the team works.</summary>
    public List<DayOfWeek> Days { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Local time the team starts work on a working day.</summary>
    public TimeOnly Opens { get; set; } = new(9, 0);

    /// <summary>Local time the team stops work on a working day; must be after <see cref="Opens"/> on the same day.</summary>
    public TimeOnly Closes { get; set; } = new(18, 0);

    /// <summary>Local dates on which the team does not work at all, whatever the day of the week.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>
    /// Checks the settings and returns one message per problem, each naming the setting (empty when all is well).
    /// Hosts call this at start-up.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            errors.Add($"{SectionName}:TimeZone must be set to an IANA time zone id such as 'Asia/Shanghai'");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add($"{SectionName}:TimeZone '{TimeZone}' is not a known time zone id");
        }

        if (Days is null || Days.Count == 0)
        {
            errors.Add($"{SectionName}:Days must name at least one working day");
        }
        else
        {
            for (var i = 0; i < Days.Count; i++)
            {
                if (!Enum.IsDefined(Days[i]))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:Days:{i} ({(int)Days[i]}) is not a day of the week"));
                }
            }
        }

        if (Opens >= Closes)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{SectionName}:Opens ({Opens:HH:mm}) must be before {SectionName}:Closes ({Closes:HH:mm})"));
        }

        if (Holidays is null)
        {
            errors.Add($"{SectionName}:Holidays must be a list (it may be empty)");
        }

        return errors;
    }
}
