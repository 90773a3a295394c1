using System.Globalization;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// The windows a scenario runs with, the same on every runtime: short enough for the real engines' real clocks
/// (seconds), long enough that nobody's prompt click races a timer. Everything not named keeps the product's default.
/// </summary>
/// <param name="UrgentFirstResponse">An urgent complaint's first-response window (around the clock), reminders at 50 % and 80 %.</param>
/// <param name="UrgentResolution">An urgent complaint's resolution window; its 50 % reminder falls after the first-response breach.</param>
/// <param name="CustomerInfoTimeout">How long a question to the customer waits before the complaint is abandoned.</param>
/// <param name="ConfirmationReminderAfter">How long after the outcome email the customer is reminded.</param>
/// <param name="ConfirmationTimeout">How long after the outcome email the complaint closes unconfirmed.</param>
public sealed record ScenarioTiming(
    TimeSpan UrgentFirstResponse,
    TimeSpan UrgentResolution,
    TimeSpan CustomerInfoTimeout,
    TimeSpan ConfirmationReminderAfter,
    TimeSpan ConfirmationTimeout)
{
    /// <summary>
    /// Urgent windows of seconds (reminders at 3 s and 4.8 s, breach at 6 s; then 7 s, 11.2 s, 14 s); the rest as shipped
    /// (a high or normal complaint's first response is due in working hours or days, the customer has 48 hours before a
    /// reminder), so people who answer at once never race a timer. A real engine slower than the windows only makes the
    /// steps late, not different: due reminders and breaches are still taken in order.
    /// </summary>
    public static ScenarioTiming PeopleAnswerPromptly { get; } = new(
        UrgentFirstResponse: TimeSpan.FromSeconds(6),
        UrgentResolution: TimeSpan.FromSeconds(14),
        CustomerInfoTimeout: TimeSpan.FromHours(72),
        ConfirmationReminderAfter: TimeSpan.FromHours(48),
        ConfirmationTimeout: TimeSpan.FromDays(7));

    /// <summary>The longest this timing lets a scenario wait for the workflow before something counts as missing.</summary>
    public TimeSpan Patience
    {
        get
        {
            var shortWindows = new[] { UrgentResolution, CustomerInfoTimeout, ConfirmationTimeout }.Where(w => w < TimeSpan.FromMinutes(1));
            return shortWindows.DefaultIfEmpty(TimeSpan.Zero).Max() + TimeSpan.FromSeconds(30);
        }
    }

    /// <summary>The settings as configuration keys and values (what a host reads from app settings or <c>--Key=value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Settings() =>
    [
        Setting("Sla:Targets:Urgent:FirstResponse", UrgentFirstResponse),
        Setting("Sla:Targets:Urgent:Resolution", UrgentResolution),
        Setting("Sla:CustomerInfoTimeout", CustomerInfoTimeout),
        Setting("Sla:ConfirmationReminderAfter", ConfirmationReminderAfter),
        Setting("Sla:ConfirmationTimeout", ConfirmationTimeout),
    ];

    private static KeyValuePair<string, string?> Setting(string key, TimeSpan value) => new(key, value.ToString("c", CultureInfo.InvariantCulture));
}
