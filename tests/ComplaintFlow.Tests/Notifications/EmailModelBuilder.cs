using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Tests.Notifications;

/// <summary>Typed test data for email templates: a complete model by default, changed one concern at a time.</summary>
internal sealed class EmailModelBuilder
{
    public static readonly DateTimeOffset FirstResponseDue = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ResolutionDue = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private EmailModel _model;

    private EmailModelBuilder(EmailModel model) => _model = model;

    public static EmailModelBuilder InChinese() => new(new EmailModel
    {
        ComplaintId = "C-202611-02K7M3QX9A",
        Locale = Locale.Zh,
        TimeZone = "Asia/Shanghai",
        RecipientName = "李雷",
        Subject = "骑手态度恶劣",
        DescriptionExcerpt = "订单 123 配送超时两个小时，骑手还辱骂我。😡",
        Category = Category.Delivery,
        Severity = Severity.Urgent,
        FirstResponseDue = FirstResponseDue,
        ResolutionDue = ResolutionDue,
        Question = "请提供订单截图。",
        ResolutionText = "我们已向骑手核实并退还配送费。",
        Compensation = Compensation.Refund,
        Reason = "首次响应超时。",
        ReminderFraction = 0.8,
        Deadline = ReminderDeadline.FirstResponse,
        ConfirmBy = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    });

    public static EmailModelBuilder InEnglish() => new(new EmailModel
    {
        ComplaintId = "C-202611-02K7M3QX9A",
        Locale = Locale.En,
        TimeZone = "Asia/Shanghai",
        RecipientName = "Li Lei",
        Subject = "Rude courier",
        DescriptionExcerpt = "Order 123 arrived two hours late and the courier insulted me.",
        Category = Category.Delivery,
        Severity = Severity.Urgent,
        FirstResponseDue = FirstResponseDue,
        ResolutionDue = ResolutionDue,
        Question = "Please send a screenshot of the order.",
        ResolutionText = "We spoke to the courier and refunded the delivery fee.",
        Compensation = Compensation.Refund,
        Reason = "The first response was late.",
        ReminderFraction = 0.8,
        Deadline = ReminderDeadline.FirstResponse,
        ConfirmBy = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    });

    public static EmailModelBuilder In(Locale locale) => locale == Locale.Zh ? InChinese() : InEnglish();

    public EmailModelBuilder WithLinks(params EmailLink[] links) => With(_model with { Links = links });

    public EmailModelBuilder WithStatusUrl(string url) => With(_model with { StatusUrl = new Uri(url) });

    public EmailModelBuilder WithSubject(string subject) => With(_model with { Subject = subject });

    public EmailModelBuilder WithUserText(string text) => With(_model with
    {
        Subject = text,
        DescriptionExcerpt = text,
        Question = text,
        ResolutionText = text,
        Reason = text,
        RecipientName = text,
    });

    public EmailModelBuilder InZone(string timeZone) => With(_model with { TimeZone = timeZone });

    public EmailModelBuilder OutOfHours(DateTimeOffset backAt) => With(_model with { OutOfHours = true, BackAt = backAt });

    public EmailModelBuilder ReminderAt(double fraction, ReminderDeadline deadline) =>
        With(_model with { ReminderFraction = fraction, Deadline = deadline });

    public EmailModelBuilder AsRejection(string explanation) =>
        With(_model with { OutcomeIsRejection = true, ResolutionText = explanation, Compensation = Compensation.None });

    public EmailModelBuilder InRound(int round) => With(_model with { Round = round });

    public EmailModelBuilder AtTier(int tier) => With(_model with { Tier = tier });

    public EmailModel Build() => _model;

    private EmailModelBuilder With(EmailModel model)
    {
        _model = model;
        return this;
    }
}
