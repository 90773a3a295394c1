using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Local.DevServices;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Email;

public sealed class SmtpEmailSenderTests(MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chinese_email_arrives_with_subject_recipient_both_parts_and_links_intact()
    {
        var complaintId = "C-202611-SMTP" + Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = EmailMessageBuilder.ChineseOutcome(complaintId).Build();

        await Sender(maildev.SmtpPort).SendAsync(message, _ct);

        var received = await maildev.WaitForEmailAsync(e => e.Header("x-complaintflow-complaint") == complaintId, _ct);
        Assert.Equal($"您的投诉处理结果（{complaintId}）", received.Subject);
        var to = Assert.Single(received.To);
        Assert.Equal("lilei@example.com", to.Address);
        Assert.Equal("李雷", to.Name);
        Assert.Equal("complaints@example.com", Assert.Single(received.From).Address);
        Assert.Contains("骑手态度恶劣", received.Html, StringComparison.Ordinal);
        Assert.Contains("骑手态度恶劣", received.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{EmailMessageBuilder.ActionUrl.Replace("&", "&amp;", StringComparison.Ordinal)}\"", received.Html, StringComparison.Ordinal);
        Assert.Contains(EmailMessageBuilder.ActionUrl, received.Text, StringComparison.Ordinal);
        Assert.Equal($"<{message.MessageId}@example.com>", received.Header("message-id"));
        Assert.Equal("auto-generated", received.Header("auto-submitted"));
    }

    [Fact]
    public async Task Encoded_words_in_customer_text_arrive_as_the_text_they_are_not_as_what_they_encode()
    {
        var complaintId = NewComplaintId();
        var message = EmailMessageBuilder.AgentAssignment(complaintId, subject: "Refund =?utf-8?b?W0FQUFJPVkVEXQ==?=") // "[APPROVED]"
            .ToCustomerNamed("=?utf-8?q?Complaints_Manager?=")
            .Build();

        await Sender(maildev.SmtpPort).SendAsync(message, _ct);

        var received = await maildev.WaitForEmailAsync(e => e.Header("x-complaintflow-complaint") == complaintId, _ct);
        Assert.DoesNotContain("[APPROVED]", received.Subject, StringComparison.Ordinal);
        Assert.Contains("W0FQUFJPVkVEXQ==", received.Subject, StringComparison.Ordinal);
        var to = Assert.Single(received.To);
        Assert.DoesNotContain("Complaints Manager", to.Name, StringComparison.Ordinal);
        Assert.Contains("Complaints_Manager", to.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_separators_in_customer_text_arrive_as_spaces()
    {
        var complaintId = NewComplaintId();
        var message = EmailMessageBuilder.AgentAssignment(complaintId, subject: "Refund\u2028Priority: approved")
            .ToCustomerNamed("Li\u2029Lei")
            .Build();

        await Sender(maildev.SmtpPort).SendAsync(message, _ct);

        var received = await maildev.WaitForEmailAsync(e => e.Header("x-complaintflow-complaint") == complaintId, _ct);
        Assert.Contains("Refund Priority: approved", received.Subject, StringComparison.Ordinal);
        Assert.Equal("Li Lei", Assert.Single(received.To).Name);
    }

    [Fact]
    public async Task Unreachable_server_fails_as_transient_without_revealing_the_address()
    {
        var message = EmailMessageBuilder.ChineseOutcome().Build();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(LoopbackPort.Free()).SendAsync(message, _ct));

        Assert.True(error.IsTransient);
        Assert.Contains(message.MessageId, error.Message, StringComparison.Ordinal);
        Assert.Contains("l***@example.com", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lilei@", error.Message, StringComparison.Ordinal);
    }

    private static string NewComplaintId() =>
        "C-202611-HDRS" + Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static SmtpEmailSender Sender(int port) => new(
        Options.Create(new EmailOptions
        {
            Transport = EmailTransport.Smtp,
            From = "complaints@example.com",
            FromName = "投诉中心 Complaints",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, TimeoutSeconds = 10 },
        }),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)),
        NullLogger<SmtpEmailSender>.Instance);
}
