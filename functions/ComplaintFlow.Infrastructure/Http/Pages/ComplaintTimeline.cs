using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Infrastructure.Http.Pages;

/// <summary>
/// A complaint's record and timeline as a page section: the local host's <c>/status/{id}</c> (in the customer's
/// language) and the work queue's <c>/queue/{id}</c> (in the reader's) show the same. Every time is in the business
/// calendar's zone with the zone named; contact details are not shown.
/// </summary>
public static class ComplaintTimeline
{
    public static string Title(Complaint complaint, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return locale == Locale.Zh ? $"投诉 {complaint.Id.Value}" : $"Complaint {complaint.Id.Value}";
    }

    /// <summary>The record and the timeline, already-encoded HTML.</summary>
    public static string Render(Complaint complaint, Locale locale, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var zh = locale == Locale.Zh;
        string L(string chinese, string english) => zh ? chinese : english;
        string When(DateTimeOffset at) => EmailFormat.Date(at, locale, timeZoneId);
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

        html.Append("</tbody></table></section>");
        return html.ToString();
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
    /// What happened, as people say it. The recorded note is an English log line: a Chinese page shows the event's name
    /// with the words it is about (its Detail), the English page adds the note.
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
