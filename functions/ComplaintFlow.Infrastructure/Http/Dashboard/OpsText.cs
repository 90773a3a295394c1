using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>The words on the ops pages (dashboard, work queue, restrictions), in Chinese and English.</summary>
public sealed record OpsText
{
    public static OpsText English { get; } = new()
    {
        Nav = "Ops pages",
        Dashboard = "Dashboard",
        Queue = "Work queue",
        Restrictions = "Restrictions",
        SignOut = "Sign out",
        OtherLanguage = "中文",
        OtherLanguageCode = "zh",
        NotConfiguredTitle = "Ops pages are not set up",
        NotConfigured = "No ops key is configured for this app (Ops:Key), so nobody can sign in. Ask whoever deploys it to set one.",
        FormRefusedTitle = "Please try again",
        FormRefused = "This form could not be verified (it may be from an old page, or you were signed out). Open the page again and retry.",
        BadInputTitle = "Check the address",
        LanguageInvalid = "lang must be zh or en.",
        RestrictionsIntro = "Customers whose complaints are refused at intake (429) until the restriction ends or is lifted. Lifting forgives the burst that caused it.",
        CustomerKey = "Customer key",
        Reason = "Reason",
        Since = "Since",
        Until = "Until",
        Lift = "Lift",
        LiftLabel = "Lift the restriction of {0}",
        NoRestrictions = "No restrictions are in force.",
        Lifted = "Restriction lifted: this customer's complaints are accepted again.",
        AlreadyEnded = "That restriction had already ended or been lifted; nothing was changed.",
        Filters = "Filters",
        Team = "Team",
        Agent = "Agent",
        Severity = "Severity",
        Status = "Status",
        Any = "any",
        Apply = "Apply",
        Clear = "Clear filters",
        Complaint = "Complaint",
        Subject = "Subject",
        Tier = "Tier",
        NextDeadline = "Next deadline",
        TimeLeft = "Time left",
        OpenCount = "{0} open complaints, {1} breached.",
        Capped = "Only the {0} most urgent are shown; narrow the filters to see the rest.",
        NoOpen = "No open complaints match.",
        Breached = "breached {0} ago",
        Paused = "paused",
        NoDeadline = "not yet due",
        Hours = "{0} h {1} min",
        Days = "{0} d {1} h",
        Minutes = "{0} min",
        FirstResponse = "First response",
        Resolution = "Resolution",
        SeverityInvalid = "severity must be one of Low, Normal, High, Urgent.",
        StatusInvalid = "status must be one of the open statuses: {0}.",
        Month = "Month",
        Show = "Show",
        DownloadCsv = "Download CSV",
        MonthInvalid = "month must be a month like 2026-11.",
        Received = "Complaints received",
        SatisfiedShare = "Satisfied",
        MeanRating = "Mean rating",
        UnconfirmedShare = "Closed unconfirmed",
        EscalationRate = "Escalated",
        ReopenRate = "Reopened",
        ByCategory = "Complaints by category",
        Category = "Category",
        Count = "Complaints",
        Compliance = "SLA compliance by severity",
        Met = "met",
        BreachedColumn = "breached",
        StillOpen = "still open",
        Times = "Response and resolution times (SLA time, minutes)",
        Median = "median",
        P90 = "90th percentile",
        Max = "max",
        Daily = "Daily trend",
        Day = "Day",
        Satisfaction = "Satisfaction",
        Share = "Share",
        Value = "Value",
        NotSatisfiedOrWaiting = "Not satisfied or still waiting",
        AskedToConfirm = "Asked to confirm",
        NoData = "No complaints this month yet.",
        ChartNumbers = "The numbers of this chart",
    };

    public static OpsText Chinese { get; } = new()
    {
        Nav = "运维页面",
        Dashboard = "统计看板",
        Queue = "待办队列",
        Restrictions = "投诉限制",
        SignOut = "退出登录",
        OtherLanguage = "English",
        OtherLanguageCode = "en",
        NotConfiguredTitle = "运维页面尚未配置",
        NotConfigured = "本应用未配置运维密钥（Ops:Key），无法登录。请联系部署人员设置。",
        FormRefusedTitle = "请重试",
        FormRefused = "无法验证此表单（可能来自旧页面，或您已退出登录）。请重新打开页面后再试。",
        BadInputTitle = "请检查地址",
        LanguageInvalid = "lang 只能是 zh 或 en。",
        RestrictionsIntro = "以下客户的投诉在受理时会被拒绝（429），直到限制到期或被解除。解除后，引发限制的集中投诉不再计数。",
        CustomerKey = "客户标识",
        Reason = "原因",
        Since = "开始时间",
        Until = "到期时间",
        Lift = "解除",
        LiftLabel = "解除 {0} 的限制",
        NoRestrictions = "当前没有生效的限制。",
        Lifted = "已解除限制，该客户的投诉将重新受理。",
        AlreadyEnded = "该限制已到期或已被解除，未做任何更改。",
        Filters = "筛选",
        Team = "团队",
        Agent = "负责人",
        Severity = "紧急程度",
        Status = "状态",
        Any = "全部",
        Apply = "筛选",
        Clear = "清除筛选",
        Complaint = "投诉编号",
        Subject = "标题",
        Tier = "层级",
        NextDeadline = "下一截止时间",
        TimeLeft = "剩余时间",
        OpenCount = "共 {0} 件未结投诉，其中 {1} 件已超时。",
        Capped = "仅显示最紧急的 {0} 件，请缩小筛选范围查看其余投诉。",
        NoOpen = "没有符合条件的未结投诉。",
        Breached = "已超时 {0}",
        Paused = "已暂停",
        NoDeadline = "尚未计时",
        Hours = "{0} 小时 {1} 分",
        Days = "{0} 天 {1} 小时",
        Minutes = "{0} 分钟",
        FirstResponse = "首次响应",
        Resolution = "解决",
        SeverityInvalid = "severity 只能是 Low、Normal、High 或 Urgent。",
        StatusInvalid = "status 只能是未结状态之一：{0}。",
        Month = "月份",
        Show = "查看",
        DownloadCsv = "下载 CSV",
        MonthInvalid = "month 应为月份，例如 2026-11。",
        Received = "收到投诉",
        SatisfiedShare = "满意率",
        MeanRating = "平均评分",
        UnconfirmedShare = "未确认结案",
        EscalationRate = "升级率",
        ReopenRate = "重新处理率",
        ByCategory = "各类别投诉数",
        Category = "类别",
        Count = "投诉数",
        Compliance = "各紧急程度 SLA 达标情况",
        Met = "达标",
        BreachedColumn = "超时",
        StillOpen = "处理中",
        Times = "响应与解决用时（SLA 时间，分钟）",
        Median = "中位数",
        P90 = "90 分位",
        Max = "最长",
        Daily = "每日趋势",
        Day = "日期",
        Satisfaction = "满意度",
        Share = "占比",
        Value = "数值",
        NotSatisfiedOrWaiting = "不满意或仍在等待",
        AskedToConfirm = "请客户确认的投诉",
        NoData = "本月还没有投诉。",
        ChartNumbers = "本图数据",
    };

    public required string Nav { get; init; }
    public required string Dashboard { get; init; }
    public required string Queue { get; init; }
    public required string Restrictions { get; init; }
    public required string SignOut { get; init; }
    public required string OtherLanguage { get; init; }
    public required string OtherLanguageCode { get; init; }
    public required string NotConfiguredTitle { get; init; }
    public required string NotConfigured { get; init; }
    public required string FormRefusedTitle { get; init; }
    public required string FormRefused { get; init; }
    public required string BadInputTitle { get; init; }
    public required string LanguageInvalid { get; init; }
    public required string RestrictionsIntro { get; init; }
    public required string CustomerKey { get; init; }
    public required string Reason { get; init; }
    public required string Since { get; init; }
    public required string Until { get; init; }
    public required string Lift { get; init; }
    public required string LiftLabel { get; init; }
    public required string NoRestrictions { get; init; }
    public required string Lifted { get; init; }
    public required string AlreadyEnded { get; init; }
    public required string Filters { get; init; }
    public required string Team { get; init; }
    public required string Agent { get; init; }
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public required string Any { get; init; }
    public required string Apply { get; init; }
    public required string Clear { get; init; }
    public required string Complaint { get; init; }
    public required string Subject { get; init; }
    public required string Tier { get; init; }
    public required string NextDeadline { get; init; }
    public required string TimeLeft { get; init; }
    public required string OpenCount { get; init; }
    public required string Capped { get; init; }
    public required string NoOpen { get; init; }
    public required string Breached { get; init; }
    public required string Paused { get; init; }
    public required string NoDeadline { get; init; }
    public required string Hours { get; init; }
    public required string Days { get; init; }
    public required string Minutes { get; init; }
    public required string FirstResponse { get; init; }
    public required string Resolution { get; init; }
    public required string SeverityInvalid { get; init; }
    public required string StatusInvalid { get; init; }
    public required string Month { get; init; }
    public required string Show { get; init; }
    public required string DownloadCsv { get; init; }
    public required string MonthInvalid { get; init; }
    public required string Received { get; init; }
    public required string SatisfiedShare { get; init; }
    public required string MeanRating { get; init; }
    public required string UnconfirmedShare { get; init; }
    public required string EscalationRate { get; init; }
    public required string ReopenRate { get; init; }
    public required string ByCategory { get; init; }
    public required string Category { get; init; }
    public required string Count { get; init; }
    public required string Compliance { get; init; }
    public required string Met { get; init; }
    public required string BreachedColumn { get; init; }
    public required string StillOpen { get; init; }
    public required string Times { get; init; }
    public required string Median { get; init; }
    public required string P90 { get; init; }
    public required string Max { get; init; }
    public required string Daily { get; init; }
    public required string Day { get; init; }
    public required string Satisfaction { get; init; }
    public required string Share { get; init; }
    public required string Value { get; init; }
    public required string NotSatisfiedOrWaiting { get; init; }
    public required string AskedToConfirm { get; init; }
    public required string NoData { get; init; }
    public required string ChartNumbers { get; init; }

    public static OpsText For(Locale locale) => locale == Locale.Zh ? Chinese : English;
}
