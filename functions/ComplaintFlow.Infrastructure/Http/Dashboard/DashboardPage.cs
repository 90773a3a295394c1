using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// <c>GET /dashboard?month=yyyy-MM</c> (default: this month in the business calendar's zone): the month's statistics at
/// a glance, each chart drawn by chart.js from the figures in its <c>data-chart</c> attribute and shown as a table beside
/// it, so the numbers are there without script too; <c>GET /dashboard/csv?month=</c> is the month's CSV
/// (<c>/api/stats?format=csv</c>) behind the same cookie.
/// </summary>
public sealed class DashboardPage(OpsAccess access, ComplaintStatistics statistics, StatisticsEndpoint endpoint, BusinessCalendar calendar, TimeProvider time)
{
    public async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (access.Refusal(request) is { } refused)
        {
            return refused;
        }

        var locale = OpsAccess.LocaleOf(request);
        var text = OpsText.For(locale);

        if (Month(request) is not { } first)
        {
            return OpsLayout.Message(StatusCodes.Status400BadRequest, locale, request, text.BadInputTitle, text.MonthInvalid);
        }

        var last = first.AddMonths(1).AddDays(-1);
        var (report, asked, daily) = await statistics.ReportWithDaysAsync(first, last, cancellationToken);
        var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var lang = OpsAccess.LanguageQuery(request);
        string Href(string path, DateOnly m) => $"{path}?month={m:yyyy-MM}{(lang.Length > 0 ? "&" + lang : string.Empty)}";
        var html = new StringBuilder();

        html.Append("<form class=\"card filters\" method=\"get\" action=\"/dashboard\">");
        if (lang.Length > 0)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(OpsAccess.LanguageParameter).Append("\" value=\"").Append(locale == Locale.Zh ? "zh" : "en").Append("\">");
        }

        html.Append("<div><label class=\"field\" for=\"month\">").Append(Html.Encode(text.Month)).Append("</label>")
            .Append("<input id=\"month\" name=\"month\" type=\"month\" value=\"").Append(month).Append("\" pattern=\"[0-9]{4}-[0-9]{2}\" required></div>")
            .Append("<div class=\"actions\"><button type=\"submit\">").Append(Html.Encode(text.Show)).Append("</button>")
            .Append("<a href=\"").Append(Html.Encode(Href("/dashboard", first.AddMonths(-1)))).Append("\">← ").Append(first.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append("</a>")
            .Append("<a href=\"").Append(Html.Encode(Href("/dashboard", first.AddMonths(1)))).Append("\">").Append(first.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append(" →</a>")
            .Append("<a href=\"").Append(Html.Encode(Href("/dashboard/csv", first))).Append("\" download>").Append(Html.Encode(text.DownloadCsv)).Append("</a></div></form>");

        string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        html.Append("<section class=\"figures\" aria-label=\"").Append(month).Append("\">");
        void Figure(string value, string label, string id) =>
            html.Append("<div class=\"figure\" id=\"").Append(id).Append("\"><strong>").Append(Html.Encode(value)).Append("</strong><span>").Append(Html.Encode(label)).Append("</span></div>");
        Figure(report.Total.ToString(CultureInfo.InvariantCulture), text.Received, "figure-total");
        Figure(asked == 0 ? "–" : Percent(report.SatisfiedShare), text.SatisfiedShare, "figure-satisfied");
        Figure(report.MeanRating is { } rating ? rating.ToString("0.0", CultureInfo.InvariantCulture) + " / 5" : "–", text.MeanRating, "figure-rating");
        Figure(asked == 0 ? "–" : Percent(report.UnconfirmedShare), text.UnconfirmedShare, "figure-unconfirmed");
        Figure(Percent(report.EscalationRate), text.EscalationRate, "figure-escalated");
        Figure(Percent(report.ReopenRate), text.ReopenRate, "figure-reopened");
        html.Append("</section>");

        if (report.Total == 0)
        {
            html.Append("<section class=\"card notice\" role=\"status\"><p>").Append(Html.Encode(text.NoData)).Append("</p></section>");
        }

        // Complaints per category.
        var categories = report.ByCategory.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (Label: Enum.TryParse<Category>(c.Key, out var cat) ? EmailFormat.CategoryName(cat, locale) : c.Key, c.Value)).ToList();
        Chart(html, "by-category", text.ByCategory, text,
            new ChartSpec("bar", [.. categories.Select(c => c.Label)], [new ChartSet(text.Count, [.. categories.Select(c => (double)c.Value)])], Horizontal: true),
            [text.Category, text.Count], categories.Select(c => new[] { c.Label, N(c.Value) }));

        // SLA compliance per severity, first response and resolution.
        var severities = Enum.GetValues<Severity>().Reverse().ToList();
        var names = severities.Select(s => EmailFormat.SeverityName(s, locale)).ToList();
        SeverityFigures F(Severity s) => report.Severities[s.ToString()];
        Chart(html, "compliance", text.Compliance, text,
            new ChartSpec("bar", names,
            [
                new ChartSet($"{text.FirstResponse} · {text.Met}", [.. severities.Select(s => (double)F(s).FirstResponse.Met)], "first", "met"),
                new ChartSet($"{text.FirstResponse} · {text.BreachedColumn}", [.. severities.Select(s => (double)F(s).FirstResponse.Breached)], "first", "breached"),
                new ChartSet($"{text.FirstResponse} · {text.StillOpen}", [.. severities.Select(s => (double)F(s).FirstResponse.StillOpen)], "first", "open"),
                new ChartSet($"{text.Resolution} · {text.Met}", [.. severities.Select(s => (double)F(s).Resolution.Met)], "resolution", "met"),
                new ChartSet($"{text.Resolution} · {text.BreachedColumn}", [.. severities.Select(s => (double)F(s).Resolution.Breached)], "resolution", "breached"),
                new ChartSet($"{text.Resolution} · {text.StillOpen}", [.. severities.Select(s => (double)F(s).Resolution.StillOpen)], "resolution", "open"),
            ], Stacked: true),
            [text.Severity, text.Met, text.BreachedColumn, text.StillOpen, text.Met, text.BreachedColumn, text.StillOpen],
            severities.Select((s, i) => new[]
            {
                names[i], N(F(s).FirstResponse.Met), N(F(s).FirstResponse.Breached), N(F(s).FirstResponse.StillOpen),
                N(F(s).Resolution.Met), N(F(s).Resolution.Breached), N(F(s).Resolution.StillOpen),
            }),
            groups: [text.FirstResponse, text.Resolution]);

        // Response and resolution times (SLA time, pauses excluded).
        static string M(int? minutes) => minutes?.ToString(CultureInfo.InvariantCulture) ?? "–";
        Chart(html, "times", text.Times, text,
            new ChartSpec("bar", names,
            [
                new ChartSet($"{text.FirstResponse} · {text.Median}", [.. severities.Select(s => (double)(F(s).FirstResponseSlaTime.MedianMinutes ?? 0))]),
                new ChartSet($"{text.FirstResponse} · {text.P90}", [.. severities.Select(s => (double)(F(s).FirstResponseSlaTime.P90Minutes ?? 0))]),
                new ChartSet($"{text.Resolution} · {text.Median}", [.. severities.Select(s => (double)(F(s).ResolutionSlaTime.MedianMinutes ?? 0))]),
                new ChartSet($"{text.Resolution} · {text.P90}", [.. severities.Select(s => (double)(F(s).ResolutionSlaTime.P90Minutes ?? 0))]),
            ]),
            [text.Severity, text.Median, text.P90, text.Max, text.Median, text.P90, text.Max],
            severities.Select((s, i) => new[]
            {
                names[i], M(F(s).FirstResponseSlaTime.MedianMinutes), M(F(s).FirstResponseSlaTime.P90Minutes), M(F(s).FirstResponseSlaTime.MaxMinutes),
                M(F(s).ResolutionSlaTime.MedianMinutes), M(F(s).ResolutionSlaTime.P90Minutes), M(F(s).ResolutionSlaTime.MaxMinutes),
            }),
            groups: [text.FirstResponse, text.Resolution]);

        // The daily trend: every day of the month, days without complaints at zero.
        var perDay = daily.ToDictionary(d => d.Key, d => d.Value);
        var days = Enumerable.Range(0, last.Day).Select(i => first.AddDays(i)).ToList();
        Chart(html, "daily", text.Daily, text,
            new ChartSpec("bar", [.. days.Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture))], [new ChartSet(text.Count, [.. days.Select(d => (double)perDay.GetValueOrDefault(d))])]),
            [text.Day, text.Count], days.Where(perDay.ContainsKey).Select(d => new[] { d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(perDay[d]) }),
            collapsed: true);

        // Satisfaction of the complaints asked to confirm (none asked: no shares to draw).
        var rest = asked == 0 ? 0 : Math.Max(0, 1 - report.SatisfiedShare - report.UnconfirmedShare);
        Chart(html, "satisfaction", text.Satisfaction, text,
            new ChartSpec("doughnut", [text.SatisfiedShare, text.UnconfirmedShare, text.NotSatisfiedOrWaiting],
                asked == 0 ? [] : [new ChartSet(text.Share, [Math.Round(report.SatisfiedShare * 100, 1), Math.Round(report.UnconfirmedShare * 100, 1), Math.Round(rest * 100, 1)])]),
            [text.Satisfaction, text.Value],
            [[text.AskedToConfirm, N(asked)], [text.SatisfiedShare, Percent(report.SatisfiedShare)], [text.UnconfirmedShare, Percent(report.UnconfirmedShare)],
                [text.NotSatisfiedOrWaiting, Percent(rest)], [text.MeanRating, report.MeanRating is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–"]]);

        return OpsLayout.Page(StatusCodes.Status200OK, locale, request, $"{text.Dashboard} · {month}", OpsLayout.Section.Dashboard, html.ToString(),
            OpsAssets.Path(OpsAssets.ChartScript), OpsAssets.Path(OpsAssets.DashboardScript));
    }

    /// <summary><c>GET /dashboard/csv?month=</c>: the month's CSV, for the signed-in browser.</summary>
    public async Task<IResult> CsvAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!access.IsSignedIn(request))
        {
            return OpsAccess.ToSignIn(request);
        }

        // An unreadable month answers as /api/stats does: 400 problem+json naming the parameter.
        var month = request.Query["month"].ToString() is { Length: > 0 } m ? m : ThisMonth().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return await endpoint.GetAsync(month, null, null, "csv", cancellationToken);
    }

    private DateOnly? Month(HttpRequest request)
    {
        var given = request.Query["month"].ToString();
        if (given.Length == 0)
        {
            return ThisMonth();
        }

        // The picker links a month back and forward, so the first and the last month of the calendar are refused too.
        return DateOnly.TryParseExact(given, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year is > 1 and < 9999 ? first : null;
    }

    /// <summary>The first day of this month in the business calendar's zone: the month both the page and its CSV show by default.</summary>
    private DateOnly ThisMonth()
    {
        var local = calendar.ToLocal(time.GetUtcNow());
        return new DateOnly(local.Year, local.Month, 1);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A chart card: the canvas (an image named by its title) and, beside it, the same numbers as a table. With
    /// <paramref name="groups"/>, the columns after the first are split evenly under those headings (and each cell is
    /// labelled "group · column" on a phone); <paramref name="collapsed"/> folds a long table away.
    /// </summary>
    private static void Chart(StringBuilder html, string id, string title, OpsText text, ChartSpec spec, string[] columns, IEnumerable<string[]> rows, bool collapsed = false, string[]? groups = null)
    {
        var per = groups is null ? 0 : (columns.Length - 1) / groups.Length;
        string Label(int i) => groups is null ? columns[i] : $"{groups[(i - 1) / per]} · {columns[i]}";
        var json = JsonSerializer.Serialize(spec, JsonOptions);
        html.Append("<section class=\"card\" aria-labelledby=\"h-").Append(id).Append("\"><h2 id=\"h-").Append(id).Append("\">").Append(Html.Encode(title)).Append("</h2>")
            .Append("<div class=\"chart\"><div class=\"canvas\"><canvas id=\"chart-").Append(id).Append("\" role=\"img\" aria-label=\"").Append(Html.Encode(title))
            .Append("\" data-chart=\"").Append(Html.Encode(json)).Append("\"></canvas></div>")
            .Append("<div class=\"numbers\">").Append(collapsed ? $"<details><summary>{Html.Encode(text.ChartNumbers)}</summary>" : string.Empty)
            .Append("<table class=\"rows\" id=\"table-").Append(id).Append("\"><caption>").Append(Html.Encode(text.ChartNumbers)).Append("</caption><thead><tr>");
        if (groups is not null)
        {
            html.Append("<th scope=\"col\" rowspan=\"2\">").Append(Html.Encode(columns[0])).Append("</th>");
            foreach (var group in groups)
            {
                html.Append("<th scope=\"colgroup\" colspan=\"").Append(per).Append("\" class=\"group\">").Append(Html.Encode(group)).Append("</th>");
            }

            html.Append("</tr><tr>");
        }

        for (var i = groups is null ? 0 : 1; i < columns.Length; i++)
        {
            html.Append("<th scope=\"col\"").Append(i > 0 ? " class=\"num\"" : string.Empty).Append('>').Append(Html.Encode(columns[i])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\"" : $"<td class=\"num\" data-label=\"{Html.Encode(Label(i))}\"").Append('>').Append(Html.Encode(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>").Append(collapsed ? "</details>" : string.Empty).Append("</div></div></section>");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record ChartSpec(string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSet> Datasets, bool Stacked = false, bool Horizontal = false);

    private sealed record ChartSet(string Label, IReadOnlyList<double> Data, string? Stack = null, string? Tone = null);
}
