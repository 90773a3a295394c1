using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Sla;

/// <summary>
/// Turns the SLA numbers and the working hours into deadlines and reminder times. Pure and deterministic, so the
/// orchestrator may call it during replay; every time is passed in and every returned instant is in UTC.
/// </summary>
/// <remarks>
/// A window runs in business time for business-hours severities and in calendar (elapsed) time for around-the-clock
/// ones; reminders fall when the given fractions of the window have been used, measured in the same time base.
/// The policy copies the options when it is built, so later changes to them do not change its answers.
/// </remarks>
public sealed class SlaPolicy
{
    private readonly Dictionary<Severity, SlaTarget> _targets;
    private readonly double[] _fractions;
    private readonly BusinessCalendar _calendar;

    public SlaPolicy(SlaOptions options, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SLA options: " + string.Join("; ", errors), nameof(options));
        }

        _targets = options.Targets.Where(pair => Enum.IsDefined(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value.Copy());
        _fractions = [.. options.ReminderFractions.Distinct().Order()];
        _calendar = calendar;
    }

    /// <summary>The working hours this policy counts business time in.</summary>
    public BusinessCalendar Calendar => _calendar;

    /// <summary>The deadlines of a complaint of <paramref name="severity"/> whose clocks start at <paramref name="start"/>.</summary>
    public SlaDeadlines Start(Severity severity, DateTimeOffset start)
    {
        var target = TargetFor(severity);
        return new SlaDeadlines(
            severity,
            Clock(target.AroundTheClock, start, target.FirstResponse, used: TimeSpan.Zero),
            Clock(target.AroundTheClock, start, target.Resolution, used: TimeSpan.Zero));
    }

    /// <summary>
    /// The deadlines after the clocks were paused at <paramref name="pausedAt"/> (waiting on the customer) and resumed
    /// at <paramref name="resumedAt"/>: each window gets the allowance it had left at the pause, counted from
    /// <paramref name="resumedAt"/>. Reminders stay on the same fractions of the full window; those whose point had
    /// already been reached at the pause are dropped. A window already used up at the pause is due at
    /// <paramref name="resumedAt"/>. Pausing several times works: pass the deadlines the last resume returned.
    /// </summary>
    public SlaDeadlines Resume(SlaDeadlines paused, DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(paused);
        ArgumentOutOfRangeException.ThrowIfLessThan(resumedAt, pausedAt);
        var target = TargetFor(paused.Severity);
        return paused with
        {
            FirstResponse = ResumeClock(target.AroundTheClock, paused.FirstResponse, target.FirstResponse, pausedAt, resumedAt),
            Resolution = ResumeClock(target.AroundTheClock, paused.Resolution, target.Resolution, pausedAt, resumedAt),
        };
    }

    /// <summary>
    /// The deadlines after the severity changed to <paramref name="severity"/> at <paramref name="at"/>: each window is the
    /// new severity's, in its time base, less the time already used on it (as the old window measured it), counted on
    /// from <paramref name="at"/>; reminders fall on the usual fractions of the new window, those already passed dropped.
    /// A window with more used than the new one allows is due at <paramref name="at"/>.
    /// </summary>
    public SlaDeadlines Reprioritize(SlaDeadlines current, Severity severity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = TargetFor(current.Severity);
        var after = TargetFor(severity);
        return new SlaDeadlines(
            severity,
            Rescale(before.AroundTheClock, current.FirstResponse, before.FirstResponse, after.AroundTheClock, after.FirstResponse, at),
            Rescale(before.AroundTheClock, current.Resolution, before.Resolution, after.AroundTheClock, after.Resolution, at));
    }

    /// <summary>Whether <paramref name="at"/> is outside working hours (the acknowledgement then says when the team is back).</summary>
    public bool IsOutOfHours(DateTimeOffset at) => !_calendar.IsOpen(at);

    /// <summary>When the team is back: <paramref name="at"/> itself in working hours, else the next opening (UTC).</summary>
    public DateTimeOffset BackAt(DateTimeOffset at) => _calendar.NextOpening(at);

    /// <summary>The windows for <paramref name="severity"/> (a copy; changing it changes nothing here).</summary>
    public SlaTarget TargetFor(Severity severity) =>
        _targets.TryGetValue(severity, out var target)
            ? target.Copy()
            : throw new ArgumentOutOfRangeException(nameof(severity), severity, "No SLA target for this severity.");

    private SlaClock ResumeClock(bool aroundTheClock, SlaClock clock, TimeSpan window, DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        var left = aroundTheClock ? clock.Due - pausedAt : _calendar.BusinessTimeBetween(pausedAt, clock.Due);
        left = left < TimeSpan.Zero ? TimeSpan.Zero : left > window ? window : left;
        return Clock(aroundTheClock, resumedAt, window, used: window - left);
    }

    private SlaClock Rescale(bool wasAroundTheClock, SlaClock clock, TimeSpan oldWindow, bool aroundTheClock, TimeSpan window, DateTimeOffset at)
    {
        var left = wasAroundTheClock ? clock.Due - at : _calendar.BusinessTimeBetween(at, clock.Due);
        left = left < TimeSpan.Zero ? TimeSpan.Zero : left > oldWindow ? oldWindow : left;
        var used = oldWindow - left;
        return used >= window ? new SlaClock(at.ToUniversalTime(), []) : Clock(aroundTheClock, at, window, used);
    }

    /// <summary>A window of <paramref name="window"/> of which <paramref name="used"/> was used before <paramref name="from"/>.</summary>
    private SlaClock Clock(bool aroundTheClock, DateTimeOffset from, TimeSpan window, TimeSpan used)
    {
        var due = Advance(aroundTheClock, from, window - used);
        var reminders = new List<DateTimeOffset>(_fractions.Length);
        foreach (var fraction in _fractions)
        {
            var point = window * fraction;
            if (point <= used)
            {
                continue;
            }

            var reminder = Advance(aroundTheClock, from, point - used);
            if (reminder < due && (reminders.Count == 0 || reminder > reminders[^1]))
            {
                reminders.Add(reminder);
            }
        }

        return new SlaClock(due, reminders.AsReadOnly());
    }

    private DateTimeOffset Advance(bool aroundTheClock, DateTimeOffset from, TimeSpan time) =>
        aroundTheClock ? (from + time).ToUniversalTime() : _calendar.AddBusinessTime(from, time);
}
