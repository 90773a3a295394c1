using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Statistics;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>A report as CSV rows <c>figure,key,value</c> (durations in minutes, rates 0–1), RFC 4180 quoting.</summary>
public static class StatisticsCsv
{
    public static string Write(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        void Row(string figure, string key, object? value) =>
            csv.Append(Quote(figure)).Append(',').Append(Quote(key)).Append(',').Append(Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)).Append("\r\n");
        void Group(string figure, IEnumerable<KeyValuePair<string, long>> counts)
        {
            foreach (var (key, value) in counts)
            {
                Row(figure, key, value);
            }
        }

        Row("figure", "key", "value");
        Row("period", "from", report.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("period", "to", report.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("total", string.Empty, report.Total);
        Group("category", report.ByCategory);
        Group("severity", report.BySeverity);
        Group("channel", report.ByChannel);
        Group("team", report.ByTeam);
        Group("outcome", report.ByOutcome);
        foreach (var (severity, figures) in report.Severities)
        {
            void Times(string what, DurationSummary d)
            {
                Row($"{what} minutes median", severity, d.MedianMinutes);
                Row($"{what} minutes p90", severity, d.P90Minutes);
                Row($"{what} minutes max", severity, d.MaxMinutes);
            }

            void Compliance(string what, ComplianceFigures c)
            {
                Row($"{what} met", severity, c.Met);
                Row($"{what} breached", severity, c.Breached);
                Row($"{what} still open", severity, c.StillOpen);
            }

            Times("first response sla", figures.FirstResponseSlaTime);
            Times("first response wall", figures.FirstResponseWallTime);
            Times("resolution sla", figures.ResolutionSlaTime);
            Times("resolution wall", figures.ResolutionWallTime);
            Compliance("first response", figures.FirstResponse);
            Compliance("resolution", figures.Resolution);
        }

        Row("escalation rate", string.Empty, report.EscalationRate);
        Group("tier reached", report.TierReached);
        Row("reopen rate", string.Empty, report.ReopenRate);
        Row("duplicate rate", string.Empty, report.DuplicateRate);
        Row("rejected as abuse rate", string.Empty, report.RejectedAsAbuseRate);
        Row("satisfied share", string.Empty, report.SatisfiedShare);
        Row("mean rating", string.Empty, report.MeanRating);
        Row("unconfirmed share", string.Empty, report.UnconfirmedShare);
        Group("hour", report.BusiestHours);
        Group("weekday", report.BusiestWeekdays);
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
