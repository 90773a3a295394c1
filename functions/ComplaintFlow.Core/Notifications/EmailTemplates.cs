using System.Globalization;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// The workflow's emails in Chinese and English. Pure: the same kind and model always give the same content.
/// Times are shown in <see cref="EmailModel.TimeZone"/> with the zone named; every piece of user text is encoded.
/// </summary>
public static class EmailTemplates
{
    private const int MaxSubjectInSubjectLine = 60;

    public static EmailContent Render(EmailKind kind, EmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return kind switch
        {
            EmailKind.Acknowledgement => Acknowledgement(model),
            EmailKind.AgentAssignment => AgentAssignment(model),
            EmailKind.Reminder => Reminder(model),
            EmailKind.Escalation => Escalation(model),
            EmailKind.InformationRequest => InformationRequest(model),
            EmailKind.Outcome => Outcome(model),
            EmailKind.ConfirmationReminder => ConfirmationReminder(model),
            EmailKind.Closure => Closure(model),
            EmailKind.IntakeRejection => IntakeRejection(model),
            EmailKind.ManagerAlert => ManagerAlert(model),
            EmailKind.PriorityRaised => PriorityRaised(model),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "There is no template for this kind of email."),
        };
    }

    /// <summary>The start of <paramref name="text"/>, cut at a whole character and marked with "…" when shortened.</summary>
    public static string Excerpt(string? text, int maxLength = 280)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(trimmed[cut - 1]))
        {
            cut--;
        }

        return trimmed[..cut].TrimEnd() + "…";
    }

    private static EmailContent Acknowledgement(EmailModel m)
    {
        var doc = Document(m, L(m, $"我们已收到您的投诉（{m.ComplaintId}）", $"We have received your complaint ({m.ComplaintId})"))
            .Heading(L(m, "我们已收到您的投诉", "We have received your complaint"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"感谢您的反馈。您的投诉已登记，编号为 {m.ComplaintId}。如需联系我们，请提供此编号。",
                $"Thank you for telling us. Your complaint is registered under the reference {m.ComplaintId}; please quote it if you contact us."));
        if (m.OutOfHours)
        {
            doc.Paragraph(m.BackAt is { } back
                ? L(m,
                    $"您的投诉提交于我们的非工作时间。我们的团队将于 {Date(m, back)} 回来，届时会尽快处理。",
                    $"You wrote to us outside our working hours. Our team is back on {Date(m, back)} and will look at your complaint then.")
                : L(m,
                    "您的投诉提交于我们的非工作时间。我们的团队将在下一个工作日尽快处理。",
                    "You wrote to us outside our working hours. Our team will look at your complaint on the next working day."));
        }

        if (m.FirstResponseDue is { } due)
        {
            doc.Paragraph(L(m,
                $"您最迟将在 {Date(m, due)} 之前收到我们的首次答复。",
                $"You will hear from us by {Date(m, due)} at the latest."));
        }

        return doc
            .Facts(Reference(m), SubjectRow(m))
            .Quote(L(m, "您的描述", "What you told us"), m.DescriptionExcerpt)
            .EndForCustomer(m);
    }

    private static EmailContent AgentAssignment(EmailModel m) =>
        Document(m, L(m,
                $"{SeverityTag(m)}新投诉待您处理：{ShortSubject(m)}（{m.ComplaintId}）",
                $"{SeverityTag(m)}New complaint for you: {ShortSubject(m)} ({m.ComplaintId})"))
            .Heading(L(m, "一条投诉已分配给您", "A complaint has been assigned to you"))
            .Paragraph(Greeting(m))
            .Paragraph(m.Round > 1
                ? L(m,
                    $"客户对上一次的处理结果不满意，这是第 {N(m.Round)} 轮处理。请在截止时间前给出新的方案。",
                    $"The customer was not satisfied with the previous outcome; this is round {N(m.Round)}. Please propose a new solution before the deadline.")
                : L(m,
                    "请在截止时间前处理这条投诉。",
                    "Please deal with this complaint before its deadlines."))
            .Facts(ComplaintFacts(m))
            .Quote(L(m, "客户的描述", "What the customer wrote"), m.DescriptionExcerpt)
            .History(m)
            .Paragraph(L(m,
                "打开处理页面后，您可以：解决（可附补偿）、驳回并说明理由、向客户询问更多信息、升级或转派。",
                "On the decision page you can resolve it (with optional compensation), reject it with an explanation, ask the customer for more information, escalate it, or reassign it."))
            .EndForStaff(m);

    private static EmailContent Reminder(EmailModel m)
    {
        var percent = Percent(m.ReminderFraction);
        var isResolution = m.Deadline == ReminderDeadline.Resolution;
        var due = isResolution ? m.ResolutionDue : m.FirstResponseDue;
        var windowZh = isResolution ? "解决时限" : "首次响应时限";
        var windowEn = isResolution ? "the time to resolve" : "the time to first response";
        var passedZh = percent is null ? $"{windowZh}即将到期" : $"{windowZh}已过去 {percent}";
        var passedEn = percent is null ? $"{Capitalize(windowEn)} is running out" : $"{percent} of {windowEn} has passed";
        var doc = Document(m, L(m,
                $"提醒：投诉 {m.ComplaintId} 的{passedZh}",
                $"Reminder: {passedEn} for complaint {m.ComplaintId}"))
            .Heading(L(m, $"提醒：{passedZh}", $"Reminder: {passedEn}"))
            .Paragraph(Greeting(m))
            .Paragraph(due is { } at
                ? L(m,
                    $"投诉 {m.ComplaintId} 的{passedZh}。截止时间：{Date(m, at)}。逾期未处理将升级给上一级负责人。",
                    $"For complaint {m.ComplaintId}, {passedEn.ToLowerInvariant()}. It is due {Date(m, at)}; if it is missed, the complaint is escalated.")
                : L(m,
                    $"投诉 {m.ComplaintId} 的{passedZh}。逾期未处理将升级给上一级负责人。",
                    $"For complaint {m.ComplaintId}, {passedEn.ToLowerInvariant()}. If the deadline is missed, the complaint is escalated."));
        return doc
            .Facts(ComplaintFacts(m))
            .Quote(L(m, "客户的描述", "What the customer wrote"), m.DescriptionExcerpt)
            .EndForStaff(m);
    }

    private static EmailContent Escalation(EmailModel m) =>
        Document(m, L(m,
                $"{SeverityTag(m)}投诉 {m.ComplaintId} 已升级至您处（{EmailFormat.TierName(m.Tier, m.Locale)}）",
                $"{SeverityTag(m)}Complaint {m.ComplaintId} escalated to you ({EmailFormat.TierName(m.Tier, m.Locale)})"))
            .Heading(L(m, "一条投诉已升级至您处", "A complaint has been escalated to you"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"投诉 {m.ComplaintId} 已升级到{EmailFormat.TierName(m.Tier, m.Locale)}，现在由您负责。",
                $"Complaint {m.ComplaintId} has been escalated to {EmailFormat.TierName(m.Tier, m.Locale)} and is now yours to handle."))
            .Quote(L(m, "升级原因", "Why it was escalated"), Reason(m))
            .Facts(ComplaintFacts(m))
            .Quote(L(m, "客户的描述", "What the customer wrote"), m.DescriptionExcerpt)
            .History(m)
            .EndForStaff(m);

    private static EmailContent InformationRequest(EmailModel m) =>
        Document(m, L(m,
                $"关于您的投诉（{m.ComplaintId}），我们需要更多信息",
                $"We need more information about your complaint ({m.ComplaintId})"))
            .Heading(L(m, "我们需要您补充一些信息", "We need a little more information"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"为了处理您的投诉（编号 {m.ComplaintId}），我们需要您回答以下问题：",
                $"To deal with your complaint (reference {m.ComplaintId}), we need your answer to this question:"))
            .Quote(L(m, "我们的问题", "Our question"), m.Question)
            .Paragraph(L(m,
                "请点击下方按钮补充信息。在收到您的回复之前，处理时限暂停计算。",
                "Please use the button below to add the information. The clock on your complaint is paused until you answer."))
            .Buttons(m.Links)
            .Facts(Reference(m), SubjectRow(m))
            .Link(StatusLink(m))
            .Footer(CustomerFooter(m))
            .Render();

    private static EmailContent Outcome(EmailModel m)
    {
        var doc = Document(m, L(m,
                $"您的投诉处理结果（{m.ComplaintId}）",
                $"The outcome of your complaint ({m.ComplaintId})"))
            .Heading(m.OutcomeIsRejection
                ? L(m, "关于您的投诉的调查结果", "The result of our investigation")
                : L(m, "我们为您的投诉提出了解决方案", "Here is how we propose to resolve your complaint"))
            .Paragraph(Greeting(m));
        if (m.Round > 1)
        {
            doc.Paragraph(L(m,
                $"这是我们针对您的投诉（编号 {m.ComplaintId}）提出的第 {N(m.Round)} 次处理方案。",
                $"This is our solution number {N(m.Round)} for your complaint (reference {m.ComplaintId})."));
        }

        if (m.OutcomeIsRejection)
        {
            doc.Paragraph(L(m,
                    "我们仔细调查了您的投诉，认为此问题不属于平台的责任，原因如下：",
                    "We have looked into your complaint carefully and found that this is not something the platform is responsible for, for the following reason:"))
                .Quote(L(m, "说明", "Our explanation"), m.ResolutionText ?? Reason(m));
        }
        else
        {
            doc.Quote(L(m, "解决方案", "Our solution"), m.ResolutionText)
                .Facts((L(m, "补偿", "Compensation"), EmailFormat.CompensationName(m.Compensation, m.Locale)));
        }

        return ConfirmationRequest(doc, m).Render();
    }

    private static EmailContent ConfirmationReminder(EmailModel m)
    {
        var doc = Document(m, L(m,
                $"请告诉我们您是否满意（{m.ComplaintId}）",
                $"Please tell us whether we solved your complaint ({m.ComplaintId})"))
            .Heading(L(m, "您对处理结果满意吗？", "Are you satisfied with the outcome?"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"我们之前就您的投诉（编号 {m.ComplaintId}）给出了处理结果，但还没有收到您的回复。",
                $"We sent you the outcome of your complaint (reference {m.ComplaintId}) but have not heard back from you yet."))
            .Quote(m.OutcomeIsRejection ? L(m, "我们的说明", "Our explanation") : L(m, "解决方案", "Our solution"), m.ResolutionText);
        if (!m.OutcomeIsRejection && m.Compensation != Compensation.None)
        {
            doc.Facts((L(m, "补偿", "Compensation"), EmailFormat.CompensationName(m.Compensation, m.Locale)));
        }

        return ConfirmationRequest(doc, m).Render();
    }

    private static EmailDocument ConfirmationRequest(EmailDocument doc, EmailModel m)
    {
        doc.Paragraph(L(m,
            "请告诉我们您是否满意。如果不满意，我们会重新处理您的投诉。",
            "Please tell us whether you are satisfied. If you are not, we will take another look at your complaint."));
        doc.Buttons(m.Links);
        if (m.ConfirmBy is { } by)
        {
            doc.Paragraph(L(m,
                $"如果在 {Date(m, by)} 之前没有收到您的回复，我们将结案。",
                $"If we do not hear from you by {Date(m, by)}, we will close the complaint."));
        }

        return doc.Facts(Reference(m), SubjectRow(m))
            .Link(StatusLink(m))
            .Footer(CustomerFooter(m));
    }

    private static EmailContent Closure(EmailModel m) =>
        Document(m, L(m,
                $"您的投诉已结案（{m.ComplaintId}）",
                $"Your complaint is closed ({m.ComplaintId})"))
            .Heading(L(m, "您的投诉已结案", "Your complaint is closed"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"您的投诉（编号 {m.ComplaintId}）已结案。感谢您的耐心和反馈，这能帮助我们改进服务。",
                $"Your complaint (reference {m.ComplaintId}) is now closed. Thank you for your patience and for telling us: it helps us improve."))
            .Quote(L(m, "结案说明", "Why it was closed"), Reason(m))
            .Quote(m.OutcomeIsRejection ? L(m, "我们的说明", "Our explanation") : L(m, "处理结果", "The outcome"), m.ResolutionText)
            .Facts(Reference(m), SubjectRow(m))
            .EndForCustomer(m);

    private static EmailContent IntakeRejection(EmailModel m) =>
        Document(m, L(m,
                $"我们无法受理您的投诉（{m.ComplaintId}）",
                $"We could not accept your complaint ({m.ComplaintId})"))
            .Heading(L(m, "我们无法受理您的投诉", "We could not accept your complaint"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"很抱歉，我们无法受理您提交的投诉（编号 {m.ComplaintId}）。我们已保存记录。",
                $"We are sorry, but we could not accept the complaint you sent us (reference {m.ComplaintId}). We have kept a record of it."))
            .Quote(L(m, "原因", "The reason"), Reason(m))
            .Paragraph(L(m,
                "如果您认为这是误判，请补充完整的描述后重新提交，或在联系我们时提供上述编号。",
                "If you think this is a mistake, please send your complaint again with a full description, or quote the reference above when you contact us."))
            .Facts(SubjectRow(m))
            .EndForCustomer(m);

    private static EmailContent ManagerAlert(EmailModel m) =>
        Document(m, L(m,
                $"{SeverityTag(m)}需要您关注：投诉 {m.ComplaintId}",
                $"{SeverityTag(m)}Needs your attention: complaint {m.ComplaintId}"))
            .Heading(L(m, "一条投诉需要您关注", "A complaint needs your attention"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"投诉 {m.ComplaintId} 需要投诉经理亲自处理。",
                $"Complaint {m.ComplaintId} needs the complaints manager's decision."))
            .Quote(L(m, "原因", "Why"), Reason(m))
            .Facts(ComplaintFacts(m))
            .Quote(L(m, "客户的描述", "What the customer wrote"), m.DescriptionExcerpt)
            .Quote(L(m, "最近一次的处理结果", "The latest outcome"), m.ResolutionText)
            .EndForStaff(m);

    private static EmailContent PriorityRaised(EmailModel m)
    {
        var from = m.PreviousSeverity is { } p ? EmailFormat.SeverityName(p, m.Locale) : null;
        var to = m.Severity is { } s ? EmailFormat.SeverityName(s, m.Locale) : null;
        var change = (from, to) switch
        {
            ({ } f, { } t) => L(m, $"紧急程度已从「{f}」提升为「{t}」", $"went from {f} to {t}"),
            (null, { } t) => L(m, $"紧急程度已提升为「{t}」", $"is now {t}"),
            _ => L(m, "紧急程度已提升", "has a higher severity"),
        };
        return Document(m, L(m,
                $"{SeverityTag(m)}投诉 {m.ComplaintId} 的优先级已提升，处理时限已更新",
                $"{SeverityTag(m)}Priority raised on complaint {m.ComplaintId}: new deadlines"))
            .Heading(L(m, "投诉的优先级已提升", "A complaint of yours has a higher priority"))
            .Paragraph(Greeting(m))
            .Paragraph(L(m,
                $"客户就同一问题再次投诉，投诉 {m.ComplaintId} 的{change}。剩余的处理时限已按新的紧急程度重新计算，已用去的时间照常计入。",
                $"The customer complained again about the same thing: complaint {m.ComplaintId} {change}. Its remaining deadlines are now the ones for that severity; the time already used still counts."))
            .Facts(ComplaintFacts(m))
            .Quote(L(m, "客户的描述", "What the customer wrote"), m.DescriptionExcerpt)
            .EndForStaff(m);
    }

    private static EmailDocument Document(EmailModel m, string subject) => new(m.Locale, subject);

    private static string? Reason(EmailModel m) => EmailReasons.Localize(m.Reason, m.Locale);

    private static string L(EmailModel m, string zh, string en) => m.Locale == Locale.Zh ? zh : en;

    private static string Greeting(EmailModel m) =>
        string.IsNullOrWhiteSpace(m.RecipientName)
            ? L(m, "您好：", "Hello,")
            : L(m, $"{m.RecipientName.Trim()}，您好：", $"Hello {m.RecipientName.Trim()},");

    private static string Date(EmailModel m, DateTimeOffset value) => EmailFormat.Date(value, m.Locale, m.TimeZone);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Percent(double? fraction) =>
        fraction is { } f && double.IsFinite(f) && f > 0
            ? Math.Round(Math.Min(f, 1) * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%"
            : null;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string SeverityTag(EmailModel m) =>
        m.Severity is { } s ? "[" + EmailFormat.SeverityName(s, m.Locale) + "] " : string.Empty;

    private static string ShortSubject(EmailModel m) =>
        string.IsNullOrWhiteSpace(m.Subject) ? L(m, "（无主题）", "(no subject)") : Excerpt(m.Subject, MaxSubjectInSubjectLine);

    private static (string, string?) Reference(EmailModel m) => (L(m, "投诉编号", "Reference"), m.ComplaintId);

    private static (string, string?) SubjectRow(EmailModel m) => (L(m, "主题", "Subject"), m.Subject);

    private static (string, string?)[] ComplaintFacts(EmailModel m) =>
    [
        Reference(m),
        SubjectRow(m),
        (L(m, "类别", "Category"), m.Category is { } c ? EmailFormat.CategoryName(c, m.Locale) : null),
        (L(m, "严重程度", "Severity"), m.Severity is { } s ? EmailFormat.SeverityName(s, m.Locale) : null),
        (L(m, "处理级别", "Escalation"), EmailFormat.TierName(m.Tier, m.Locale)),
        (L(m, "处理轮次", "Round"), m.Round > 1 ? N(m.Round) : null),
        (L(m, "首次响应截止", "First response due"), m.FirstResponseDue is { } f ? Date(m, f) : null),
        (L(m, "解决截止", "Resolution due"), m.ResolutionDue is { } r ? Date(m, r) : null),
    ];

    /// <summary>
    /// What the next assignee must know before deciding again: each earlier round's proposal, compensation, and the
    /// customer's rating and reason for turning it down; then every question asked and its answer.
    /// </summary>
    private static EmailDocument History(this EmailDocument doc, EmailModel m)
    {
        foreach (var earlier in m.EarlierRounds)
        {
            var proposal = earlier.Resolution;
            var rejected = proposal.Kind == AgentDecisionKind.Reject;
            doc.Quote(
                    rejected ? L(m, $"第 {N(earlier.Round)} 轮：驳回理由", $"Round {N(earlier.Round)}: rejection given") : L(m, $"第 {N(earlier.Round)} 轮：处理方案", $"Round {N(earlier.Round)}: resolution given"),
                    proposal.Text)
                .Facts(
                    (L(m, "补偿", "Compensation"), proposal.Compensation == Compensation.None ? null : EmailFormat.CompensationName(proposal.Compensation, m.Locale)),
                    (L(m, "客户评分", "Customer's rating"), earlier.Verdict.Rating is { } rating ? $"{N(rating)}/5" : L(m, "未评分", "none given")))
                .Quote(L(m, $"第 {N(earlier.Round)} 轮：客户不满意的原因", $"Round {N(earlier.Round)}: why the customer is not satisfied"), earlier.Verdict.Comment);
        }

        foreach (var asked in m.QuestionsAndAnswers)
        {
            doc.Quote(L(m, "向客户提出的问题", "Question asked"), asked.Question)
                .Quote(L(m, "客户的回答", "The customer's answer"), asked.Answer ?? L(m, "（尚未回答）", "(not answered yet)"));
        }

        return doc;
    }

    /// <summary>The end of an email to an agent, lead or manager: the action buttons, the status link, the staff footer.</summary>
    private static EmailContent EndForStaff(this EmailDocument doc, EmailModel m) => doc.Buttons(m.Links).Link(StatusLink(m)).Footer(StaffFooter(m)).Render();

    /// <summary>The end of an email to the customer: the action buttons, the status link, the customer footer.</summary>
    private static EmailContent EndForCustomer(this EmailDocument doc, EmailModel m) => doc.Buttons(m.Links).Link(StatusLink(m)).Footer(CustomerFooter(m)).Render();

    private static EmailLink? StatusLink(EmailModel m) => m.StatusUrl is { } url ? EmailLink.Status(m.Locale, url) : null;

    private static string CustomerFooter(EmailModel m) => L(m,
        $"此邮件由投诉处理系统自动发送，与投诉 {m.ComplaintId} 有关。请使用邮件中的按钮操作，直接回复此邮件无人阅读。",
        $"This email about complaint {m.ComplaintId} was sent automatically. Please use the buttons above: replies to this address are not read.");

    private static string StaffFooter(EmailModel m) => L(m,
        $"此邮件由投诉处理系统自动发送（投诉 {m.ComplaintId}）。处理链接仅供您本人使用，请勿转发。",
        $"Sent automatically by the complaint workflow (complaint {m.ComplaintId}). The decision link is for you alone: please do not forward it.");
}
