using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// <c>GET /queue?team=&amp;agent=&amp;severity=&amp;status=</c>: the open complaints, the one whose next deadline comes (or
/// came) first at the top, breached ones marked; complaints whose SLA clock is paused (waiting for the customer) follow,
/// then those not yet assigned. Each links to its timeline page.
/// </summary>
/// <remarks>
/// The complaint store keeps an index of the open complaints (<see cref="IComplaintStore.OpenAsync"/>), whatever month
/// they came in; the queue reads at most <see cref="MaxRead"/> of them: bounded, and never every complaint.
/// </remarks>
public sealed class QueuePage(OpsAccess access, IComplaintStore store, ComplaintLookup lookup, TimeProvider time, WorkingHoursOptions hours)
{
    public const int MaxRead = 2000;

    public const int MaxShown = 300;


    public static IReadOnlyList<ComplaintStatus> OpenStatuses { get; } =
        [ComplaintStatus.Received, ComplaintStatus.Verifying, ComplaintStatus.NeedsInfo, ComplaintStatus.Assigned, ComplaintStatus.AwaitingCustomer, ComplaintStatus.Reopened];

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
        string? Query(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var team = Query("team");
        var agent = Query("agent");
        Severity? severity = null;
        ComplaintStatus? status = null;
        if (Query("severity") is { } sv)
        {
            if (!Enum.TryParse<Severity>(sv, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(sv, out _))
            {
                return OpsLayout.Message(StatusCodes.Status400BadRequest, locale, request, text.BadInputTitle, text.SeverityInvalid);
            }

            severity = s;
        }

        if (Query("status") is { } st)
        {
            if (!Enum.TryParse<ComplaintStatus>(st, ignoreCase: true, out var s) || !OpenStatuses.Contains(s) || int.TryParse(st, out _))
            {
                return OpsLayout.Message(StatusCodes.Status400BadRequest, locale, request, text.BadInputTitle,
                    string.Format(CultureInfo.InvariantCulture, text.StatusInvalid, string.Join(", ", OpenStatuses)));
            }

            status = s;
        }

        var now = time.GetUtcNow();
        var (open, truncated) = await ReadOpenAsync(status, cancellationToken);
        var items = open
            .Where(c => team is null || string.Equals(c.Team, team, StringComparison.Ordinal))
            .Where(c => agent is null || string.Equals(c.AssignedAgent, agent, StringComparison.Ordinal))
            .Where(c => severity is null || c.Severity == severity)
            .Select(c => (Complaint: c, Next: NextDeadline.Of(c)))
            .OrderBy(x => x.Next.Order).ThenBy(x => x.Next.At ?? x.Complaint.ReceivedAt).ThenBy(x => x.Complaint.Id.Value, StringComparer.Ordinal)
            .ToList();
        var breached = items.Count(x => x.Next.IsBreached(now));
        var lang = OpsAccess.LanguageQuery(request);
        var html = new StringBuilder();

        html.Append("<form class=\"card filters\" method=\"get\" action=\"/queue\" aria-label=\"").Append(Html.Encode(text.Filters)).Append("\">");
        if (lang.Length > 0)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(OpsAccess.LanguageParameter).Append("\" value=\"").Append(locale == Locale.Zh ? "zh" : "en").Append("\">");
        }

        void Select(string name, string label, IEnumerable<(string Value, string Label)> options, string? selected)
        {
            html.Append("<div><label class=\"field\" for=\"f-").Append(name).Append("\">").Append(Html.Encode(label)).Append("</label>")
                .Append("<select id=\"f-").Append(name).Append("\" name=\"").Append(name).Append("\"><option value=\"\">").Append(Html.Encode(text.Any)).Append("</option>");
            foreach (var (value, optionLabel) in options)
            {
                html.Append("<option value=\"").Append(Html.Encode(value)).Append('"').Append(value == selected ? " selected" : string.Empty).Append('>')
                    .Append(Html.Encode(optionLabel)).Append("</option>");
            }

            html.Append("</select></div>");
        }

        IEnumerable<(string, string)> Distinct(IEnumerable<string?> values, string? keep) =>
            values.Append(keep).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => (v, v));
        Select("team", text.Team, Distinct(open.Select(c => c.Team), team), team);
        Select("agent", text.Agent, Distinct(open.Select(c => c.AssignedAgent), agent), agent);
        Select("severity", text.Severity, Enum.GetValues<Severity>().Reverse().Select(s => (s.ToString(), EmailFormat.SeverityName(s, locale))), severity?.ToString());
        Select("status", text.Status, OpenStatuses.Select(s => (s.ToString(), ActionText.For(locale).StatusName(s))), status?.ToString());
        html.Append("<div class=\"actions\"><button type=\"submit\">").Append(Html.Encode(text.Apply)).Append("</button><a href=\"/queue")
            .Append(lang.Length > 0 ? "?" + lang : string.Empty).Append("\">").Append(Html.Encode(text.Clear)).Append("</a></div></form>");

        html.Append("<section class=\"card\"><p role=\"status\">").Append(Html.Encode(string.Format(CultureInfo.InvariantCulture, text.OpenCount, items.Count, breached))).Append("</p>");
        if (truncated || items.Count > MaxShown)
        {
            html.Append("<p class=\"hint\">").Append(Html.Encode(string.Format(CultureInfo.InvariantCulture, text.Capped, Math.Min(items.Count, MaxShown)))).Append("</p>");
        }

        if (items.Count == 0)
        {
            html.Append("<p>").Append(Html.Encode(text.NoOpen)).Append("</p>");
        }
        else
        {
            string[] columns = [text.Complaint, text.Subject, text.Severity, text.Status, text.Tier, text.Team, text.Agent, text.NextDeadline, text.TimeLeft];
            html.Append("<table class=\"rows queue\"><thead><tr>");
            foreach (var column in columns)
            {
                html.Append("<th scope=\"col\">").Append(Html.Encode(column)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var (complaint, next) in items.Take(MaxShown))
            {
                var late = next.IsBreached(now);
                string Cell(int column, string content) => $"<td data-label=\"{Html.Encode(columns[column])}\">{content}</td>";
                html.Append(late ? "<tr class=\"breached\">" : "<tr>")
                    .Append(Cell(0, $"<a href=\"/queue/{Uri.EscapeDataString(complaint.Id.Value)}{(lang.Length > 0 ? "?" + lang : string.Empty)}\">{Html.Encode(complaint.Id.Value)}</a>"))
                    .Append(Cell(1, Html.Encode(complaint.Subject)))
                    .Append(Cell(2, complaint.Severity is { } s ? $"<span class=\"sev sev-{s}\">{Html.Encode(EmailFormat.SeverityName(s, locale))}</span>" : string.Empty))
                    .Append(Cell(3, Html.Encode(ActionText.For(locale).StatusName(complaint.Status))))
                    .Append(Cell(4, Html.Encode(EmailFormat.TierName(complaint.EscalationTier, locale))))
                    .Append(Cell(5, Html.Encode(complaint.Team)))
                    .Append(Cell(6, Html.Encode(complaint.AssignedAgent)))
                    .Append(Cell(7, next.At is { } at ? Html.Encode($"{(next.IsFirstResponse ? text.FirstResponse : text.Resolution)}{ActionText.For(locale).Colon}{EmailFormat.Date(at, locale, hours.TimeZone)}") : string.Empty))
                    .Append(Cell(8, TimeLeft(next, now, text)))
                    .Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
        return OpsLayout.Page(StatusCodes.Status200OK, locale, request, text.Queue, OpsLayout.Section.Queue, html.ToString());
    }

    /// <summary><c>GET /queue/{id}</c>: one complaint's record and timeline, in the reader's language, with the way back to the queue.</summary>
    public async Task<IResult> ComplaintAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (access.Refusal(request) is { } refused)
        {
            return refused;
        }

        var locale = OpsAccess.LocaleOf(request);
        var actionText = ActionText.For(locale);
        if (!ComplaintId.TryParse(id, out var complaintId) || await lookup.FindAsync(complaintId, cancellationToken) is not { } complaint)
        {
            return OpsLayout.Page(StatusCodes.Status404NotFound, locale, request, actionText.NotFoundTitle, OpsLayout.Section.Queue,
                $"<section class=\"card error\" role=\"alert\"><p>{Html.Encode(actionText.NotFound)}</p></section>");
        }

        var lang = OpsAccess.LanguageQuery(request);
        var back = $"<p><a href=\"/queue{(lang.Length > 0 ? "?" + lang : string.Empty)}\">← {Html.Encode(OpsText.For(locale).Queue)}</a></p>";
        return OpsLayout.Page(StatusCodes.Status200OK, locale, request, ComplaintTimeline.Title(complaint, locale), OpsLayout.Section.Queue,
            back + ComplaintTimeline.Render(complaint, locale, hours.TimeZone));
    }

    /// <summary>"3 h 20 min", "breached 2 h 5 min ago", "paused" or "not yet due", already encoded.</summary>
    private static string TimeLeft(NextDeadline next, DateTimeOffset now, OpsText text)
    {
        if (next.Paused)
        {
            return $"<span class=\"paused\">{Html.Encode(text.Paused)}</span>";
        }

        if (next.At is not { } at)
        {
            return $"<span class=\"paused\">{Html.Encode(text.NoDeadline)}</span>";
        }

        var left = at - now;
        return left <= TimeSpan.Zero
            ? $"<strong class=\"late\">{Html.Encode(string.Format(CultureInfo.InvariantCulture, text.Breached, Span(-left, text)))}</strong>"
            : Html.Encode(Span(left, text));
    }

    private static string Span(TimeSpan span, OpsText text) =>
        span.TotalDays >= 1 ? string.Format(CultureInfo.InvariantCulture, text.Days, (int)span.TotalDays, span.Hours)
        : span.TotalHours >= 1 ? string.Format(CultureInfo.InvariantCulture, text.Hours, (int)span.TotalHours, span.Minutes)
        : string.Format(CultureInfo.InvariantCulture, text.Minutes, Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)));

    /// <summary>
    /// The open complaints from the store's index of them (every month of receipt), each read by a point read, at most
    /// <see cref="MaxRead"/>. A complaint that finished since its index row was read is left out.
    /// </summary>
    private async Task<(List<Complaint> Open, bool Truncated)> ReadOpenAsync(ComplaintStatus? status, CancellationToken cancellationToken)
    {
        var ids = new List<ComplaintId>();
        var truncated = false;
        await foreach (var id in store.OpenAsync(cancellationToken))
        {
            if (ids.Count == MaxRead)
            {
                truncated = true;
                break;
            }

            ids.Add(id);
        }

        var found = new ConcurrentBag<Complaint>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await store.FindAsync(id, ct) is { Complaint: { IsFinished: false } complaint } && (status is null || complaint.Status == status))
            {
                found.Add(complaint);
            }
        });
        return ([.. found], truncated);
    }

    /// <summary>The deadline a complaint is working towards: its first response until someone answered, then its resolution.</summary>
    private sealed record NextDeadline(DateTimeOffset? At, bool IsFirstResponse, bool Paused)
    {
        /// <summary>0 running, 1 paused, 2 no deadline yet.</summary>
        public int Order => At is null ? 2 : Paused ? 1 : 0;

        public bool IsBreached(DateTimeOffset now) => !Paused && At is { } at && at <= now;

        public static NextDeadline Of(Complaint c)
        {
            var paused = c.Status is ComplaintStatus.NeedsInfo or ComplaintStatus.AwaitingCustomer;
            return c.FirstRespondedAt is null && c.FirstResponseDue is { } first
                ? new NextDeadline(first, true, paused)
                : new NextDeadline(c.ResolutionDue, false, paused);
        }
    }
}
