using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Statistics;

/// <summary>The names of the counters and distributions in a <see cref="StatisticsAggregate"/> (also stored as is).</summary>
public static class StatisticsKeys
{
    public const string Total = "total";
    public const string Reopened = "reopened";
    public const string AskedToConfirm = "askedToConfirm";
    public const string Satisfied = "satisfied";
    public const string Unconfirmed = "unconfirmed";
    public const string Rated = "rated";
    public const string RatingSum = "ratingSum";
    public const string FirstResponse = "firstResponse";
    public const string Resolution = "resolution";
    public const string SlaTime = "sla";
    public const string WallTime = "wall";

    public static string Category(Category value) => $"category.{value}";

    public static string Severity(Severity value) => $"severity.{value}";

    public static string Channel(Channel value) => $"channel.{value}";

    public static string Team(string value) => $"team.{value}";

    public static string Outcome(ComplaintOutcome value) => $"outcome.{value}";

    public static string Hour(int value) => $"hour.{value:00}";

    public static string Weekday(DayOfWeek value) => $"weekday.{value}";

    public static string Tier(int value) => $"tier.{value}";

    public static string Compliance(string window, Severity severity, SlaCompliance value) => $"{window}.{severity}.{value}";

    public static string Time(string window, string clock, Severity severity) => $"{window}.{clock}.{severity}";
}
