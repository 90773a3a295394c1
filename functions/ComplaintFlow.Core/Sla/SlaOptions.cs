using System.Globalization;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Sla;

/// <summary>The SLA numbers of DESIGN §2 (configuration section <c>Sla</c>).</summary>
/// <remarks>
/// Lists bound from configuration are appended to the defaults by <c>ConfigurationBinder</c>; a host that lets
/// configuration set <see cref="ReminderFractions"/> should clear the list first (or bind into a fresh instance).
/// </remarks>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>
    /// Windows per severity. Defaults: urgent 2 h / 24 h around the clock; high 8 h / 48 h, normal 24 h / 72 h and
    /// low 48 h / 120 h in business hours.
    /// </summary>
    public Dictionary<Severity, SlaTarget> Targets { get; set; } = new()
    {
        [Severity.Urgent] = new() { FirstResponse = TimeSpan.FromHours(2), Resolution = TimeSpan.FromHours(24), AroundTheClock = true },
        [Severity.High] = new() { FirstResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(48) },
        [Severity.Normal] = new() { FirstResponse = TimeSpan.FromHours(24), Resolution = TimeSpan.FromHours(72) },
        [Severity.Low] = new() { FirstResponse = TimeSpan.FromHours(48), Resolution = TimeSpan.FromHours(120) },
    };

    /// <summary>Reminders go out when these fractions of a window have been used, each strictly between 0 and 1.</summary>
    public List<double> ReminderFractions { get; set; } = [0.5, 0.8];

    /// <summary>Calendar time to wait for the customer's extra information before the complaint is abandoned.</summary>
    public TimeSpan CustomerInfoTimeout { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Calendar time after the resolution email before the customer is reminded to confirm.</summary>
    public TimeSpan ConfirmationReminderAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Calendar time after the resolution email before the complaint is closed as unconfirmed.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After the customer has reopened a complaint this many times, the complaints manager is notified.</summary>
    public int MaxReopenings { get; set; } = 2;

    /// <summary>A fresh instance with the defaults (a new one each time, so nobody can change the defaults for others).</summary>
    public static SlaOptions Default => new();

    /// <summary>
    /// Checks the settings and returns one message per problem, each naming the setting (empty when all is well).
    /// Hosts call this at start-up.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();

        if (Targets is null)
        {
            errors.Add($"{SectionName}:Targets must be set");
        }
        else
        {
            foreach (var severity in Enum.GetValues<Severity>())
            {
                var key = $"{SectionName}:Targets:{severity}";
                if (!Targets.TryGetValue(severity, out var target) || target is null)
                {
                    errors.Add($"{key} is missing");
                    continue;
                }

                RequirePositive(errors, $"{key}:FirstResponse", target.FirstResponse);
                RequirePositive(errors, $"{key}:Resolution", target.Resolution);
                if (target.Resolution < target.FirstResponse)
                {
                    errors.Add($"{key}:Resolution must not be shorter than {key}:FirstResponse");
                }
            }
        }

        if (ReminderFractions is null)
        {
            errors.Add($"{SectionName}:ReminderFractions must be a list (it may be empty)");
        }
        else
        {
            for (var i = 0; i < ReminderFractions.Count; i++)
            {
                var fraction = ReminderFractions[i];
                if (!(fraction > 0 && fraction < 1))
                {
                    errors.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{SectionName}:ReminderFractions:{i} must be between 0 and 1 (exclusive), was {fraction}"));
                }
            }
        }

        RequirePositive(errors, $"{SectionName}:CustomerInfoTimeout", CustomerInfoTimeout);
        RequirePositive(errors, $"{SectionName}:ConfirmationReminderAfter", ConfirmationReminderAfter);
        RequirePositive(errors, $"{SectionName}:ConfirmationTimeout", ConfirmationTimeout);
        if (ConfirmationReminderAfter >= ConfirmationTimeout)
        {
            errors.Add($"{SectionName}:ConfirmationReminderAfter must be shorter than {SectionName}:ConfirmationTimeout");
        }

        if (MaxReopenings < 0)
        {
            errors.Add($"{SectionName}:MaxReopenings must not be negative");
        }

        return errors;
    }

    private static void RequirePositive(List<string> errors, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{setting} must be positive");
        }
    }
}
