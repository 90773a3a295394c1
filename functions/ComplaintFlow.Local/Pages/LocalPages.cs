using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Http.Pages;

namespace ComplaintFlow.Local.Pages;

/// <summary>
/// Pages only the local host serves: the outbox (every email "sent", openable, links clickable, so one person can play
/// customer, agent and manager in one browser) and a status page per complaint with its timeline.
/// </summary>
public static class LocalPages
{
    /// <summary>
    /// The pages' policy, plus style attributes: the framed email (a srcdoc frame takes this page's policy) is styled
    /// inline, as emails must be. Still no script: a style attribute cannot run one.
    /// </summary>
    private static readonly string EmailPagePolicy = PageLayout.ContentSecurityPolicy + "; style-src-attr 'unsafe-inline'";

    public static IEndpointRouteBuilder MapLocalPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/outbox"));
        app.MapGet("/outbox", OutboxAsync);
        app.MapGet("/outbox/{messageId}", MessageAsync);
        app.MapGet("/status/{id}", StatusAsync);
        return app;
    }

    private static async Task<IResult> OutboxAsync(string? to, string? complaint, IOutboxReader outbox, WorkingHoursOptions hours, CancellationToken ct)
    {
        var entries = await outbox.ListAsync(200, string.IsNullOrWhiteSpace(to) ? null : to, string.IsNullOrWhiteSpace(complaint) ? null : complaint, ct);
        var html = new StringBuilder("<section class=\"card\"><p class=\"hint\">Emails the local host would have sent, newest first. Open one and click its links to act as the customer or the agent.</p>");
        if (entries.Count == 0)
        {
            html.Append("<p>No emails yet. File a complaint (see the README) and refresh.</p>");
        }
        else
        {
            html.Append("<table class=\"rows\"><thead><tr><th scope=\"col\">Sent</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th><th scope=\"col\">Complaint</th></tr></thead><tbody>");
            foreach (var entry in entries)
            {
                var m = entry.Message;
                html.Append("<tr><td data-label=\"Sent\">").Append(Html.Encode(EmailFormat.Date(entry.StoredAt, Locale.En, hours.TimeZone)))
                    .Append("</td><td data-label=\"To\">").Append(Html.Encode(m.To))
                    .Append("</td><td data-label=\"Subject\"><a href=\"/outbox/").Append(Uri.EscapeDataString(m.MessageId)).Append("\">").Append(Html.Encode(m.Subject)).Append("</a>")
                    .Append("</td><td data-label=\"Complaint\">").Append(m.ComplaintId is null ? string.Empty : $"<a href=\"/status/{Uri.EscapeDataString(m.ComplaintId)}\">{Html.Encode(m.ComplaintId)}</a>")
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
        return PageLayout.Page(StatusCodes.Status200OK, Locale.En, "Outbox", html.ToString());
    }

    private static async Task<IResult> MessageAsync(string messageId, IOutboxReader outbox, CancellationToken ct)
    {
        var entry = await outbox.GetAsync(messageId, ct);
        if (entry is null)
        {
            return PageLayout.Message(StatusCodes.Status404NotFound, Locale.En, "Email not found", $"There is no email '{messageId}' in the outbox.", "error");
        }

        var m = entry.Message;
        // The email's own HTML, as a mail client would show it, inside a sandboxed frame: its links open in the top window.
        var frame = "<base target=\"_top\">" + m.HtmlBody;
        var html = new StringBuilder("<section class=\"card\"><dl>")
            .Append("<dt>To</dt><dd>").Append(Html.Encode(m.ToName is null ? m.To : $"{m.ToName} <{m.To}>")).Append("</dd>")
            .Append("<dt>Subject</dt><dd>").Append(Html.Encode(m.Subject)).Append("</dd>")
            .Append("<dt>Kind</dt><dd>").Append(Html.Encode(m.Kind.ToString())).Append("</dd></dl>")
            .Append("<p><a href=\"/outbox\">← Outbox</a></p></section>")
            .Append("<iframe title=\"Email\" sandbox=\"allow-top-navigation-by-user-activation allow-popups\" srcdoc=\"")
            .Append(Html.Encode(frame)).Append("\"></iframe>")
            .Append("<details class=\"card\"><summary>Plain text</summary><pre>").Append(Html.Encode(m.TextBody)).Append("</pre></details>");
        return PageLayout.Page(StatusCodes.Status200OK, Locale.En, m.Subject, html.ToString(), EmailPagePolicy);
    }

    private static async Task<IResult> StatusAsync(string id, ComplaintLookup lookup, WorkingHoursOptions hours, CancellationToken ct)
    {
        if (!ComplaintId.TryParse(id, out var complaintId) || await lookup.FindAsync(complaintId, ct) is not { } complaint)
        {
            return PageLayout.Message(StatusCodes.Status404NotFound, Locale.En, "Complaint not found", $"There is no complaint '{id}'.", "error");
        }

        // In the customer's language, every time in the business calendar's zone with the zone named.
        var locale = complaint.Customer.Locale;
        var html = new StringBuilder(ComplaintTimeline.Render(complaint, locale, hours.TimeZone));
        html.Append("<p><a href=\"/outbox?complaint=").Append(Uri.EscapeDataString(complaint.Id.Value)).Append("\">")
            .Append(locale == Locale.Zh ? "此投诉的邮件" : "Emails of this complaint").Append("</a></p>");
        return PageLayout.Page(StatusCodes.Status200OK, locale, ComplaintTimeline.Title(complaint, locale), html.ToString());
    }
}
