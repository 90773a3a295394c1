using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Tests.Notifications;

public sealed class EmailMessageTests
{
    [Fact]
    public void Message_id_is_the_same_for_the_same_workflow_step()
    {
        var first = EmailMessage.IdFor("C-202611-02K7M3QX9A", EmailKind.Reminder, "r1-t1-firstresponse-80");
        var again = EmailMessage.IdFor("C-202611-02K7M3QX9A", EmailKind.Reminder, "r1-t1-firstresponse-80");

        Assert.Equal("C-202611-02K7M3QX9A.reminder.r1-t1-firstresponse-80", first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Message_id_differs_between_steps_and_kinds()
    {
        var ids = new[]
        {
            EmailMessage.IdFor("C-202611-02K7M3QX9A", EmailKind.Reminder, "r1-t1-firstresponse-50"),
            EmailMessage.IdFor("C-202611-02K7M3QX9A", EmailKind.Reminder, "r1-t1-firstresponse-80"),
            EmailMessage.IdFor("C-202611-02K7M3QX9A", EmailKind.Escalation, "r1-t1-firstresponse-80"),
        };

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Message_id_keeps_only_characters_safe_for_storage_keys_and_headers()
    {
        var id = EmailMessage.IdFor(null, EmailKind.ManagerAlert, "team/lead #2 <x>");

        Assert.Equal("none.manageralert.team-lead--2--x-", id);
    }

    [Theory]
    [InlineData("Refund =?utf-8?b?W0FQUFJPVkVEXQ==?=", "Refund = ?utf-8?b?W0FQUFJPVkVEXQ== ?=")]
    [InlineData("=?=?", "= ?= ?")]
    [InlineData("Late\u2028Bcc: x@example.com", "Late Bcc: x@example.com")]
    [InlineData("Late\u2029\u0085\r\nagain", "Late    again")]
    [InlineData("Refund \u202Egpj.exe", "Refund gpj.exe")]
    public void Subject_and_recipient_name_reach_no_transport_with_encoded_word_syntax_line_separators_or_bidi_controls(string text, string header)
    {
        var content = new EmailContent(text, "<p>x</p>", "x");

        var created = EmailMessage.Create("m-1", "lilei@example.com", text, EmailKind.Outcome, null, content);
        var changed = created with { Subject = text, ToName = text };

        Assert.Equal((header, header), (created.Subject, created.ToName));
        Assert.Equal((header, header), (changed.Subject, changed.ToName));
    }
}
