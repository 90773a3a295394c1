using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Statistics;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// <c>GET /api/stats?month=yyyy-MM</c> or <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> (at most a year, days in UTC), as JSON
/// or with <c>&amp;format=csv</c> as UTF-8 CSV with a byte-order mark (so Excel shows Chinese team names); and
/// <c>POST /api/stats/rebuild?month=yyyy-MM</c>, which recomputes a month from the complaint records.
/// </summary>
public sealed class StatisticsEndpoint(ComplaintStatistics statistics)
{
    public async Task<IResult> GetAsync(string? month, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        var csv = format?.ToUpperInvariant() switch
        {
            null or "JSON" => false,
            "CSV" => true,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            return Invalid("format", $"'{format}' is not a format; use json or csv.");
        }

        DateOnly first, last;
        if (month is not null)
        {
            if (from is not null || to is not null)
            {
                return Invalid("month", "Give either month or from and to, not both.");
            }

            if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out first) || (first.Year == 9999 && first.Month == 12))
            {
                return Invalid("month", $"'{month}' is not a month like 2026-11.");
            }

            last = first.AddMonths(1).AddDays(-1);
        }
        else if (from is null && to is null)
        {
            return Invalid("month", "Give month (2026-11) or from and to (2026-11-01, 2026-11-15).");
        }
        else if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            return Invalid("from", $"'{from}' is not a day like 2026-11-01.");
        }
        else if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last))
        {
            return Invalid("to", $"'{to}' is not a day like 2026-11-30.");
        }
        else if (last < first || last.DayNumber - first.DayNumber >= ComplaintStatistics.MaxDays)
        {
            return Invalid("to", $"The range must run forwards from 'from' and cover at most {ComplaintStatistics.MaxDays} days.");
        }

        var report = await statistics.ReportAsync(first, last, cancellationToken);
        if (csv == false)
        {
            return new PrivateResult(TypedResults.Ok(report));
        }

        var name = $"stats-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv";
        return new PrivateResult(TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(StatisticsCsv.Write(report))], "text/csv; charset=utf-8", name));
    }

    public async Task<IResult> RebuildAsync(string? month, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return Invalid("month", $"'{month}' is not a month like 2026-11.");
        }

        var last = first.AddMonths(1).AddDays(-1);
        var aggregate = await statistics.RebuildAsync(first.ToString("yyyyMM", CultureInfo.InvariantCulture), cancellationToken);
        return new PrivateResult(TypedResults.Ok(StatisticsReport.From(aggregate, first, last)));
    }

    private static IResult Invalid(string parameter, string detail) =>
        Problems.Field(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query parameter", parameter, detail);
}
