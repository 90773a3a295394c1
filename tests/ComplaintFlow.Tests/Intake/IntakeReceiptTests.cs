using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Intake;

/// <summary>The 202 receipt tells the sender when the first response is due: never later than the deadline the complaint really gets.</summary>
public sealed class IntakeReceiptTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string, Severity> Complaints => new()
    {
        { "APP闪退", "更新以后一打开订单页面就闪退，根本用不了。", Severity.Urgent },
        { "Account hacked", "My account was hacked and someone changed my password.", Severity.High },
        { "外卖迟到", "订单 123 外卖送餐迟到了一个小时，饭都凉了。", Severity.Normal },
        { "Idea", "I suggest adding a dark mode to the app.", Severity.Low },
    };

    [Theory]
    [MemberData(nameof(Complaints))]
    public async Task The_receipt_promises_the_first_response_deadline_the_complaint_gets(string subject, string description, Severity severity)
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var submission = ComplaintBuilder.Chinese().WithSubject(subject).WithDescription(description).Submission();

        var receipt = await AcceptAsync(driver, submission);
        await driver.SettleAsync();

        var complaint = await driver.ComplaintAsync(receipt.ComplaintId);
        Assert.Equal(severity, complaint.Severity);
        Assert.NotNull(complaint.FirstResponseDue);
        Assert.True(
            receipt.FirstResponseDue <= complaint.FirstResponseDue,
            $"The receipt promised {receipt.FirstResponseDue:u}, the {severity} complaint is due {complaint.FirstResponseDue:u}.");
        Assert.Equal(complaint.FirstResponseDue, receipt.FirstResponseDue);
    }

    [Fact]
    public async Task An_urgent_complaint_is_promised_an_answer_within_two_hours_even_at_night()
    {
        // Saturday 01:00 in Shanghai: business-hours deadlines would run from Monday morning.
        await using var driver = await WorkflowDriver.StartAsync(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero));
        var submission = ComplaintBuilder.English().WithSubject("Payment failed").WithDescription("Payment failed at checkout and I cannot pay for my order 123.").Submission();

        var receipt = await AcceptAsync(driver, submission);

        Assert.Equal(driver.Time.GetUtcNow() + TimeSpan.FromHours(2), receipt.FirstResponseDue);
    }

    private async Task<IntakeReceipt> AcceptAsync(WorkflowDriver driver, ComplaintSubmission submission)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, WorkflowJson.Options);
        var outcome = await driver.Flow.Services.GetRequiredService<ComplaintIntake>()
            .AcceptAsync(submission, new IntakeKey(IntakeKey.WebhookScope, "msg_" + Guid.NewGuid().ToString("N")), RequestFingerprint.Of(body), _ct);
        Assert.Equal(IntakeOutcomeKind.Accepted, outcome.Kind);
        return outcome.Receipt!;
    }
}
