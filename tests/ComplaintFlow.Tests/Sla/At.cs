using System.Globalization;

namespace ComplaintFlow.Tests.Sla;

/// <summary>Readable instants for the SLA tests. Offsets are written out so the tests do not reuse the code under test.</summary>
internal static class At
{
    public static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    public static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    /// <summary>Shanghai wall-clock time (UTC+8 all year).</summary>
    public static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>An ISO 8601 instant with its offset, for theory tables.</summary>
    public static DateTimeOffset Iso(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
