using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Infrastructure.Http.Pages;

/// <summary>The words on the action pages, in Chinese and English.</summary>
public sealed record ActionText
{
    public static ActionText English { get; } = new()
    {
        DecisionTitle = "Decide on complaint",
        ConfirmationTitle = "How did we do?",
        InformationTitle = "Add information to your complaint",
        Complaint = "Complaint",
        Subject = "Subject",
        Description = "Description",
        Category = "Category",
        Severity = "Severity",
        Customer = "Customer",
        ResponseDue = "First response due",
        ResolutionDue = "Resolution due",
        Tier = "Tier",
        Round = "Round",
        YourDecision = "Your decision",
        Resolve = "Resolve — send the customer a resolution",
        Reject = "Reject — not our responsibility; explain why",
        RequestInfo = "Ask the customer for more information",
        Escalate = "Escalate to the next tier",
        Reassign = "Hand over to a colleague in the team",
        Text = "Resolution, explanation, question or reason",
        TextHint = "The customer reads this for a resolution, a rejection or a question.",
        Compensation = "Compensation (with a resolution)",
        Submit = "Submit",
        Outcome = "Our answer",
        Offered = "Offered",
        Satisfied = "I am satisfied",
        NotSatisfied = "I am not satisfied — please look at it again",
        Rating = "Rating (optional)",
        Comment = "Comment (optional)",
        Question = "Our question",
        YourAnswer = "Your answer",
        Send = "Send",
        Recorded = "Thank you — recorded",
        RecordedDecision = "Your decision was recorded. You can close this page.",
        RecordedConfirmation = "Thank you for your answer. You can close this page.",
        RecordedInformation = "Thank you — we added this to your complaint and will continue.",
        AlreadyUsedTitle = "This link was already used",
        AlreadyUsed = "This link was already used on {0}: {1}. Nothing was changed.",
        AlreadyDecidedTitle = "This complaint was already decided",
        AlreadyDecided = "{1} already decided this complaint on {0}: {2}. Nothing was changed.",
        StaleTitle = "This link is out of date",
        Stale = "The complaint has moved on since this link was sent (it is now {0}). Nothing was changed; please use the newest email.",
        ExpiredTitle = "This link has expired",
        Expired = "This link expired on {0}. Nothing was changed. Reply to the email or contact support for a new link.",
        InvalidTitle = "This link is not valid",
        Invalid = "This link is not valid. Please open it again from the email, without changing it.",
        FormExpiredTitle = "Please try again",
        FormExpired = "This form could not be verified (it may have been open too long or cookies are blocked). Please open the link from the email again.",
        FixErrors = "Please correct the following:",
        ChooseOne = "Choose one option.",
        TextRequired = "Please write the text the customer will read.",
        InformationRequired = "Please write your answer.",
        TooLong = "This is too long (at most {0} characters).",
        RatingRange = "The rating is 1 to 5.",
        NotFoundTitle = "Complaint not found",
        NotFound = "This complaint no longer exists.",
        History = "Earlier rounds and questions",
        RoundResolution = "Round {0}: resolution given",
        RoundRejection = "Round {0}: rejection given",
        RoundComment = "Round {0}: why the customer is not satisfied",
        CustomerRating = "Customer's rating",
        NoRating = "none given",
        QuestionAsked = "Question asked",
        CustomerAnswer = "The customer's answer",
        NotAnswered = "(not answered yet)",
        Colon = ": ",
        Decisions = new Dictionary<AgentDecisionKind, string>
        {
            [AgentDecisionKind.Resolve] = "Resolved",
            [AgentDecisionKind.Reject] = "Rejected",
            [AgentDecisionKind.RequestInfo] = "Asked the customer for information",
            [AgentDecisionKind.Escalate] = "Escalated",
            [AgentDecisionKind.Reassign] = "Reassigned",
        },
        Statuses = new Dictionary<ComplaintStatus, string>
        {
            [ComplaintStatus.Received] = "received",
            [ComplaintStatus.Verifying] = "being verified",
            [ComplaintStatus.NeedsInfo] = "waiting for the customer's information",
            [ComplaintStatus.Assigned] = "with an agent",
            [ComplaintStatus.AwaitingCustomer] = "waiting for the customer's confirmation",
            [ComplaintStatus.Reopened] = "reopened",
            [ComplaintStatus.Closed] = "closed",
            [ComplaintStatus.Rejected] = "rejected",
        },
    };

    public static ActionText Chinese { get; } = new()
    {
        DecisionTitle = "处理投诉",
        ConfirmationTitle = "请评价我们的处理",
        InformationTitle = "补充投诉信息",
        Complaint = "投诉编号",
        Subject = "标题",
        Description = "描述",
        Category = "类别",
        Severity = "紧急程度",
        Customer = "客户",
        ResponseDue = "首次响应截止",
        ResolutionDue = "解决截止",
        Tier = "处理层级",
        Round = "轮次",
        YourDecision = "您的处理决定",
        Resolve = "解决 — 向客户发送解决方案",
        Reject = "驳回 — 非平台责任，并说明原因",
        RequestInfo = "请客户补充信息",
        Escalate = "升级到上一级",
        Reassign = "转交给团队中的同事",
        Text = "解决方案、驳回说明、问题或原因",
        TextHint = "解决方案、驳回说明和问题会发送给客户。",
        Compensation = "补偿（随解决方案）",
        Submit = "提交",
        Outcome = "我们的答复",
        Offered = "补偿",
        Satisfied = "满意，问题已解决",
        NotSatisfied = "不满意，请重新处理",
        Rating = "评分（可选）",
        Comment = "意见（可选）",
        Question = "我们的问题",
        YourAnswer = "您的回答",
        Send = "发送",
        Recorded = "谢谢，已记录",
        RecordedDecision = "您的处理决定已记录，可以关闭此页面。",
        RecordedConfirmation = "感谢您的反馈，可以关闭此页面。",
        RecordedInformation = "谢谢，我们已将信息补充到您的投诉中，并将继续处理。",
        AlreadyUsedTitle = "此链接已使用过",
        AlreadyUsed = "此链接已于 {0} 使用：{1}。未做任何更改。",
        AlreadyDecidedTitle = "此投诉已有处理决定",
        AlreadyDecided = "{1} 已于 {0} 处理此投诉：{2}。未做任何更改。",
        StaleTitle = "此链接已过时",
        Stale = "发送此链接后投诉已有新进展（当前状态：{0}）。未做任何更改，请使用最新的邮件。",
        ExpiredTitle = "此链接已过期",
        Expired = "此链接已于 {0} 过期，未做任何更改。请回复邮件或联系客服获取新链接。",
        InvalidTitle = "链接无效",
        Invalid = "此链接无效。请从邮件中重新打开，不要修改链接。",
        FormExpiredTitle = "请重试",
        FormExpired = "无法验证此表单（可能打开时间过长或浏览器禁用了 Cookie）。请从邮件中重新打开链接。",
        FixErrors = "请修改以下内容：",
        ChooseOne = "请选择一项。",
        TextRequired = "请填写将发送给客户的内容。",
        InformationRequired = "请填写您的回答。",
        TooLong = "内容过长（最多 {0} 个字符）。",
        RatingRange = "评分为 1 到 5。",
        NotFoundTitle = "未找到投诉",
        NotFound = "此投诉已不存在。",
        History = "此前的处理与问答",
        RoundResolution = "第 {0} 轮：处理方案",
        RoundRejection = "第 {0} 轮：驳回理由",
        RoundComment = "第 {0} 轮：客户不满意的原因",
        CustomerRating = "客户评分",
        NoRating = "未评分",
        QuestionAsked = "向客户提出的问题",
        CustomerAnswer = "客户的回答",
        NotAnswered = "（尚未回答）",
        Colon = "：",
        Decisions = new Dictionary<AgentDecisionKind, string>
        {
            [AgentDecisionKind.Resolve] = "已解决",
            [AgentDecisionKind.Reject] = "已驳回",
            [AgentDecisionKind.RequestInfo] = "已请客户补充信息",
            [AgentDecisionKind.Escalate] = "已升级",
            [AgentDecisionKind.Reassign] = "已转派",
        },
        Statuses = new Dictionary<ComplaintStatus, string>
        {
            [ComplaintStatus.Received] = "已收到",
            [ComplaintStatus.Verifying] = "核实中",
            [ComplaintStatus.NeedsInfo] = "等待客户补充信息",
            [ComplaintStatus.Assigned] = "处理中",
            [ComplaintStatus.AwaitingCustomer] = "等待客户确认",
            [ComplaintStatus.Reopened] = "已重新处理",
            [ComplaintStatus.Closed] = "已结案",
            [ComplaintStatus.Rejected] = "已拒绝",
        },
    };

    public required string DecisionTitle { get; init; }
    public required string ConfirmationTitle { get; init; }
    public required string InformationTitle { get; init; }
    public required string Complaint { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    public required string Category { get; init; }
    public required string Severity { get; init; }
    public required string Customer { get; init; }
    public required string ResponseDue { get; init; }
    public required string ResolutionDue { get; init; }
    public required string Tier { get; init; }
    public required string Round { get; init; }
    public required string YourDecision { get; init; }
    public required string Resolve { get; init; }
    public required string Reject { get; init; }
    public required string RequestInfo { get; init; }
    public required string Escalate { get; init; }
    public required string Reassign { get; init; }
    public required string Text { get; init; }
    public required string TextHint { get; init; }
    public required string Compensation { get; init; }
    public required string Submit { get; init; }
    public required string Outcome { get; init; }
    public required string Offered { get; init; }
    public required string Satisfied { get; init; }
    public required string NotSatisfied { get; init; }
    public required string Rating { get; init; }
    public required string Comment { get; init; }
    public required string Question { get; init; }
    public required string YourAnswer { get; init; }
    public required string Send { get; init; }
    public required string Recorded { get; init; }
    public required string RecordedDecision { get; init; }
    public required string RecordedConfirmation { get; init; }
    public required string RecordedInformation { get; init; }
    public required string AlreadyUsedTitle { get; init; }
    public required string AlreadyUsed { get; init; }
    public required string AlreadyDecidedTitle { get; init; }
    /// <summary>{0} when, {1} who (the agent's name), {2} what: another link of the same step acted first.</summary>
    public required string AlreadyDecided { get; init; }
    public required string StaleTitle { get; init; }
    public required string Stale { get; init; }
    public required string ExpiredTitle { get; init; }
    public required string Expired { get; init; }
    public required string InvalidTitle { get; init; }
    public required string Invalid { get; init; }
    public required string FormExpiredTitle { get; init; }
    public required string FormExpired { get; init; }
    public required string FixErrors { get; init; }
    public required string ChooseOne { get; init; }
    public required string TextRequired { get; init; }
    public required string InformationRequired { get; init; }
    public required string TooLong { get; init; }
    public required string RatingRange { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFound { get; init; }
    public required string History { get; init; }
    public required string RoundResolution { get; init; }
    public required string RoundRejection { get; init; }
    public required string RoundComment { get; init; }
    public required string CustomerRating { get; init; }
    public required string NoRating { get; init; }
    public required string QuestionAsked { get; init; }
    public required string CustomerAnswer { get; init; }
    public required string NotAnswered { get; init; }
    public required string Colon { get; init; }

    /// <summary>What each decision did, as the page and the used-link message say it.</summary>
    public required IReadOnlyDictionary<AgentDecisionKind, string> Decisions { get; init; }

    /// <summary>Each <see cref="ComplaintStatus"/> as people read it.</summary>
    public required IReadOnlyDictionary<ComplaintStatus, string> Statuses { get; init; }

    public string DecisionDone(AgentDecisionKind kind) => Decisions.TryGetValue(kind, out var done) ? done : kind.ToString();

    public string StatusName(ComplaintStatus status) => Statuses.TryGetValue(status, out var name) ? name : status.ToString();

    public static ActionText For(Locale locale) => locale == Locale.Zh ? Chinese : English;
}
