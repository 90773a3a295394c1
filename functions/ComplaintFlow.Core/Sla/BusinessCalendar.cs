namespace ComplaintFlow.Core.Sla;

/// <summary>
/// The team's working time as instants: which moments are inside working hours, and business-time arithmetic
/// over them. Pure: every time is passed in, nothing reads a clock. Every returned instant is in UTC.
/// </summary>
/// <remarks>
/// <para>
/// Each working day (a day of <see cref="WorkingHoursOptions.Days"/> that is not a holiday) contributes one interval,
/// from its local opening time to its local closing time, turned into instants with the zone's rules for that
/// date. Arithmetic walks these intervals day by day, so nights, weekends, holidays and daylight-saving changes are
/// all handled by the same code. Business time is elapsed time inside the intervals: an interval that contains a
/// daylight-saving change is one hour shorter or longer than its wall-clock length.
/// </para>
/// <para>
/// A local opening or closing time that does not exist on a date (it falls in a spring-forward gap) is read as if
/// the clocks had not changed yet, i.e. it is moved forward by the length of the gap (02:30 becomes 03:30 when the
/// clocks jump from 02:00 to 03:00). A local time that happens twice (in a fall-back overlap) is read as its first
/// occurrence, the moment the wall clock first shows it. These are the usual "lenient" rules of java.time and
/// NodaTime. If the two readings leave a day with no time between opening and closing, that day has no working time.
/// </para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>A safety net against a configuration with no working time at all (every day a holiday).</summary>
    private const int MaxDaysWithoutWorkingTime = 3660;

    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;
    private readonly TimeOnly _opens;
    private readonly TimeOnly _closes;

    public BusinessCalendar(WorkingHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid working hours: " + string.Join("; ", errors), nameof(options));
        }

        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _days = [.. options.Days];
        _holidays = [.. options.Holidays];
        _opens = options.Opens;
        _closes = options.Closes;
    }

    /// <summary>The zone the working hours are read in, for showing instants to people in local time.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The instant as the team's local time (same instant, the zone's offset at that moment).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    /// <summary>Whether <paramref name="at"/> is inside working hours (opening time included, closing time excluded).</summary>
    public bool IsOpen(DateTimeOffset at) => First(at).Opens <= at;

    /// <summary>The next moment the team is at work: <paramref name="at"/> itself when open, else the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at) => Max(First(at).Opens, at.ToUniversalTime());

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of working time has passed since <paramref name="start"/>.
    /// Zero gives <paramref name="start"/> itself; a window that is used up exactly at a closing time ends at that
    /// closing time, not at the next opening.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        var from = start.ToUniversalTime();
        if (businessTime == TimeSpan.Zero)
        {
            return from;
        }

        var remaining = businessTime;
        foreach (var interval in IntervalsEndingAfter(from))
        {
            var begin = Max(interval.Opens, from);
            var available = interval.Closes - begin;
            if (remaining <= available)
            {
                return begin + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Unreachable: the working intervals never end.");
    }

    /// <summary>
    /// Working time between two instants; the inverse of <see cref="AddBusinessTime"/>. Negative when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        foreach (var interval in IntervalsEndingAfter(from))
        {
            if (interval.Opens >= to)
            {
                break;
            }

            total += Min(interval.Closes, to) - Max(interval.Opens, from);
        }

        return total;
    }

    private WorkingInterval First(DateTimeOffset at)
    {
        using var intervals = IntervalsEndingAfter(at).GetEnumerator();
        intervals.MoveNext();
        return intervals.Current;
    }

    /// <summary>The working intervals that end after <paramref name="at"/>, in order, without end.</summary>
    private IEnumerable<WorkingInterval> IntervalsEndingAfter(DateTimeOffset at)
    {
        // Start a day early: cheap, and safe whatever the zone does around midnight.
        var date = DateOnly.FromDateTime(ToLocal(at).DateTime).AddDays(-1);
        var daysWithout = 0;
        while (true)
        {
            if (TryGetInterval(date, out var interval) && interval.Closes > at)
            {
                daysWithout = 0;
                yield return interval;
            }
            else if (++daysWithout > MaxDaysWithoutWorkingTime)
            {
                throw new InvalidOperationException(
                    $"The working hours have no working time in the ten years after {at:O}; check {WorkingHoursOptions.SectionName}:Days and Holidays.");
            }

            date = date.AddDays(1);
        }
    }

    private bool TryGetInterval(DateOnly date, out WorkingInterval interval)
    {
        interval = default;
        if (!_days.Contains(date.DayOfWeek) || _holidays.Contains(date))
        {
            return false;
        }

        var opens = ToInstant(date.ToDateTime(_opens));
        var closes = ToInstant(date.ToDateTime(_closes));
        if (closes <= opens)
        {
            return false; // only possible when a daylight-saving gap swallows the whole working day
        }

        interval = new WorkingInterval(opens, closes);
        return true;
    }

    /// <summary>The instant a local wall-clock time stands for, by the rules in the class remarks.</summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
        {
            // In a gap the clocks move forward, so the offset before the gap is the smaller of the offsets around it.
            var before = TimeZone.GetUtcOffset(local.AddDays(-1));
            var after = TimeZone.GetUtcOffset(local.AddDays(1));
            offset = before < after ? before : after;
        }
        else if (TimeZone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset.
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a.ToUniversalTime() : b.ToUniversalTime();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a.ToUniversalTime() : b.ToUniversalTime();

    private readonly record struct WorkingInterval(DateTimeOffset Opens, DateTimeOffset Closes);
}
