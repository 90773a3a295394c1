using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.Notifications;

namespace ComplaintFlow.Tests.Email;

/// <summary>Typed test data for senders: a real rendered email (templates included), changed one concern at a time.</summary>
internal sealed class EmailMessageBuilder
{
    public const string ActionUrl = "https://complaints.example.com/api/actions/tok_Zh1?round=1&lang=zh";

    private EmailMessage _message;

    private EmailMessageBuilder(EmailMessage message) => _message = message;

    /// <summary>A Chinese outcome email to 李雷 with "satisfied" / "not satisfied" links.</summary>
    public static EmailMessageBuilder ChineseOutcome(string complaintId = "C-202611-02K7M3QX9A")
    {
        var model = EmailModelBuilder.InChinese()
            .WithLinks(
                EmailLink.Satisfied(Locale.Zh, new Uri(ActionUrl)),
                EmailLink.NotSatisfied(Locale.Zh, new Uri("https://complaints.example.com/api/actions/tok_Zh2")))
            .Build() with
        { ComplaintId = complaintId };
        var content = EmailTemplates.Render(EmailKind.Outcome, model);
        return new(EmailMessage.Create(
            EmailMessage.IdFor(complaintId, EmailKind.Outcome, "r1"), "lilei@example.com", "李雷", EmailKind.Outcome, complaintId, content));
    }

    /// <summary>The agent's assignment email for a complaint with <paramref name="subject"/>, to agent 张伟.</summary>
    public static EmailMessageBuilder AgentAssignment(string complaintId, string subject)
    {
        var model = EmailModelBuilder.InEnglish().WithSubject(subject).Build() with { ComplaintId = complaintId };
        var content = EmailTemplates.Render(EmailKind.AgentAssignment, model);
        return new(EmailMessage.Create(
            EmailMessage.IdFor(complaintId, EmailKind.AgentAssignment, "t1"), "zhang.wei@example.com", "张伟", EmailKind.AgentAssignment, complaintId, content));
    }

    public EmailMessageBuilder To(string address) => With(_message with { To = address });

    /// <summary>The recipient's display name as a customer gave it.</summary>
    public EmailMessageBuilder ToCustomerNamed(string name) => With(_message with { ToName = name });

    public EmailMessageBuilder WithId(string messageId) => With(_message with { MessageId = messageId });

    public EmailMessageBuilder WithSubject(string subject) => With(_message with { Subject = subject });

    public EmailMessageBuilder WithHtml(string html) => With(_message with { HtmlBody = html });

    public EmailMessageBuilder WithoutComplaint() => With(_message with { ComplaintId = null });

    public EmailMessage Build() => _message;

    private EmailMessageBuilder With(EmailMessage message)
    {
        _message = message;
        return this;
    }
}
