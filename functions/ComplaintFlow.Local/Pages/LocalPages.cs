using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Http;
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
        var zh = locale == Locale.Zh;
        string L(string chinese, string english) => zh ? chinese : english;
        string When(DateTimeOffset at) => EmailFormat.Date(at, locale, hours.TimeZone);
        var text = ActionText.For(locale);
        var view = ComplaintView.From(complaint);
        var html = new StringBuilder("<section class=\"card\"><dl>");
        void Row(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                html.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
            }
        }

        Row(L("状态", "Status"), text.StatusName(complaint.Status));
        Row(L("结果", "Outcome"), complaint.Outcome == ComplaintOutcome.None ? null : OutcomeName(complaint.Outcome, zh));
        Row(text.Category, complaint.Category is { } c ? EmailFormat.CategoryName(c, locale) : null);
        Row(text.Severity, complaint.Severity is { } s ? EmailFormat.SeverityName(s, locale) : null);
        Row(L("团队", "Team"), view.Team);
        Row(L("负责人", "Assignee"), view.Assignee);
        Row(text.Tier, EmailFormat.TierName(complaint.EscalationTier, locale));
        Row(text.Round, complaint.Round.ToString(CultureInfo.InvariantCulture));
        Row(text.ResponseDue, complaint.FirstResponseDue is { } f ? When(f) : null);
        Row(text.ResolutionDue, complaint.ResolutionDue is { } r ? When(r) : null);
        Row(text.Subject, view.Subject);
        html.Append("</dl><blockquote>").Append(Html.Encode(view.Description)).Append("</blockquote></section>");
        html.Append("<section class=\"card\"><h2>").Append(L("处理记录", "Timeline")).Append("</h2><table class=\"rows\"><thead><tr><th scope=\"col\">")
            .Append(L("时间", "When")).Append("</th><th scope=\"col\">").Append(L("操作者", "Who")).Append("</th><th scope=\"col\">").Append(L("事件", "What"))
            .Append("</th></tr></thead><tbody>");
        foreach (var entry in view.Timeline)
        {
            var who = entry.Actor switch { Complaint.SystemActor => L("系统", "system"), Complaint.CustomerActor => L("客户", "customer"), var agent => agent };
            html.Append("<tr><td data-label=\"").Append(L("时间", "When")).Append("\">").Append(Html.Encode(When(entry.At)))
                .Append("</td><td data-label=\"").Append(L("操作者", "Who")).Append("\">").Append(Html.Encode(who))
                .Append("</td><td data-label=\"").Append(L("事件", "What")).Append("\">").Append(Html.Encode(EventName(entry.Kind, zh)));
            if (!zh)
            {
                html.Append(" — ").Append(Html.Encode(entry.Summary));
            }
            else if (EmailReasons.Localize(entry.Detail, locale) is { } detail)
            {
                // The summary is an English log line; the words it is about are shown as written (reasons the workflow gave, in Chinese).
                html.Append('：').Append(Html.Encode(detail));
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></section><p><a href=\"/outbox?complaint=").Append(Uri.EscapeDataString(view.ComplaintId)).Append("\">")
            .Append(L("此投诉的邮件", "Emails of this complaint")).Append("</a></p>");
        return PageLayout.Page(StatusCodes.Status200OK, locale, L($"投诉 {view.ComplaintId}", $"Complaint {view.ComplaintId}"), html.ToString());
    }

    private static string OutcomeName(ComplaintOutcome outcome, bool zh) => (outcome, zh) switch
    {
        (ComplaintOutcome.Resolved, true) => "已解决，客户确认",
        (ComplaintOutcome.ResolvedUnconfirmed, true) => "已解决，客户未确认",
        (ComplaintOutcome.Unfounded, true) => "驳回（非平台责任）",
        (ComplaintOutcome.Abandoned, true) => "客户未补充信息，已结案",
        (ComplaintOutcome.Merged, true) => "已合并到同一客户的投诉",
        (ComplaintOutcome.RejectedAtIntake, true) => "核实未通过",
        (ComplaintOutcome.Resolved, false) => "resolved, confirmed by the customer",
        (ComplaintOutcome.ResolvedUnconfirmed, false) => "resolved, not confirmed",
        (ComplaintOutcome.Unfounded, false) => "unfounded",
        (ComplaintOutcome.Abandoned, false) => "closed: the information asked for never came",
        (ComplaintOutcome.Merged, false) => "merged into the customer's open complaint",
        (ComplaintOutcome.RejectedAtIntake, false) => "refused at verification",
        (ComplaintOutcome.Erased, true) => "客户个人信息已删除，投诉随之结案",
        (ComplaintOutcome.Erased, false) => "closed: the customer's personal data was erased",
        _ => outcome.ToString(),
    };

    /// <summary>
    /// What happened, as people say it. The recorded note is an English log line, so a Chinese page shows the event's
    /// name only; the English page adds the note.
    /// </summary>
    private static string EventName(TimelineEventKind kind, bool zh) => (kind, zh) switch
    {
        (TimelineEventKind.Received, true) => "已收到投诉",
        (TimelineEventKind.VerificationStarted, true) => "开始核实",
        (TimelineEventKind.InformationRequested, true) => "请客户补充信息",
        (TimelineEventKind.InformationProvided, true) => "客户已补充信息",
        (TimelineEventKind.Rejected, true) => "核实未通过",
        (TimelineEventKind.Merged, true) => "合并为重复投诉",
        (TimelineEventKind.RepeatReceived, true) => "客户再次投诉，优先级提升",
        (TimelineEventKind.Classified, true) => "已分类",
        (TimelineEventKind.Assigned, true) => "已分配",
        (TimelineEventKind.Acknowledged, true) => "已告知客户",
        (TimelineEventKind.AgentNotified, true) => "已通知负责人",
        (TimelineEventKind.ReminderSent, true) => "已发送提醒",
        (TimelineEventKind.Escalated, true) => "已升级",
        (TimelineEventKind.OutcomeProposed, true) => "已给出处理结果",
        (TimelineEventKind.CustomerConfirmed, true) => "客户满意",
        (TimelineEventKind.CustomerDissatisfied, true) => "客户不满意",
        (TimelineEventKind.Reopened, true) => "重新处理",
        (TimelineEventKind.Closed, true) => "已结案",
        (TimelineEventKind.Note, true) => "系统记录",
        (TimelineEventKind.PersonalDataErased, true) => "个人信息已删除",
        (TimelineEventKind.Received, false) => "Received",
        (TimelineEventKind.VerificationStarted, false) => "Verification started",
        (TimelineEventKind.InformationRequested, false) => "Information requested",
        (TimelineEventKind.InformationProvided, false) => "Information provided",
        (TimelineEventKind.RepeatReceived, false) => "Repeat complaint",
        (TimelineEventKind.AgentNotified, false) => "Assignee notified",
        (TimelineEventKind.ReminderSent, false) => "Reminder sent",
        (TimelineEventKind.OutcomeProposed, false) => "Outcome proposed",
        (TimelineEventKind.CustomerConfirmed, false) => "Customer satisfied",
        (TimelineEventKind.CustomerDissatisfied, false) => "Customer not satisfied",
        (TimelineEventKind.PersonalDataErased, false) => "Personal data erased",
        _ => kind.ToString(),
    };
}
