using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Infrastructure.Http.Pages;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Links;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// The round-2 assignee decides with the history in front of them: the round-1 resolution and its compensation, the
/// customer's rating and reason for turning it down, and the questions asked with their answers, in the email and on
/// the decision page, in the customer's language.
/// </summary>
public sealed class SecondRoundHistoryTests
{
    private const string Question = "请提供订单截图。";
    private const string Answer = "截图已上传，订单号 20261123-889。";
    private const string RoundOne = "已发放 10 元优惠券。";
    private const string Reason = "优惠券不够，我要退款。";

    [Fact]
    public async Task The_round_two_assignee_sees_the_round_one_resolution_the_customers_reason_and_the_questions_answered()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        await driver.DecideAsync(id, AgentDecisionKind.RequestInfo, Question);
        await driver.ProvideInformationAsync(id, Answer);
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, RoundOne, Compensation.Coupon);
        await driver.ConfirmAsync(id, satisfied: false, rating: 1, comment: Reason);

        var round2 = await driver.ComplaintAsync(id);
        Assert.Equal(2, round2.Round);
        var roundOne = Assert.Single(round2.EarlierRounds);
        Assert.Equal((1, RoundOne, Compensation.Coupon, 1, Reason), (roundOne.Round, roundOne.Resolution.Text, roundOne.Resolution.Compensation, roundOne.Verdict.Rating, roundOne.Verdict.Comment));

        // Round 2 goes to the team lead (tier 2), told by the email that hands it over.
        var email = (await driver.EmailsAsync(id)).Last(m => m.To.StartsWith(round2.AssignedAgent!.Replace('-', '.') + "@", StringComparison.Ordinal));
        Assert.Contains(email.Kind, new[] { EmailKind.AgentAssignment, EmailKind.Escalation });
        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("第 1 轮：处理方案", body, StringComparison.Ordinal);
            Assert.Contains(RoundOne, body, StringComparison.Ordinal);
            Assert.Contains(EmailFormat.CompensationName(Compensation.Coupon, Locale.Zh), body, StringComparison.Ordinal);
            Assert.Contains("1/5", body, StringComparison.Ordinal);
            Assert.Contains(Reason, body, StringComparison.Ordinal);
            Assert.Contains(Question, body, StringComparison.Ordinal);
            Assert.Contains(Answer, body, StringComparison.Ordinal);
        }

        var page = Assert.IsType<HtmlPage>(ActionPages.Form(200, ActionClaimsBuilder.AgentDecision(round2.AssignedAgent!).ForComplaint(id).Build(), round2, "csrf", new ActionForm(null, null, null, null, null), [], "Asia/Shanghai"));
        Assert.Contains("此前的处理与问答", page.Html, StringComparison.Ordinal);
        Assert.Contains("第 1 轮：处理方案", page.Html, StringComparison.Ordinal);
        Assert.Contains(RoundOne, page.Html, StringComparison.Ordinal);
        Assert.Contains("1/5", page.Html, StringComparison.Ordinal);
        Assert.Contains(Reason, page.Html, StringComparison.Ordinal);
        Assert.Contains(Question, page.Html, StringComparison.Ordinal);
        Assert.Contains(Answer, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("The customer added", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_round_email_has_no_history_section()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.English().Submission());

        var email = Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
        Assert.DoesNotContain("Round 1:", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Question asked", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Earlier_rounds_survive_the_snapshot_that_storage_keeps()
    {
        var complaint = ComplaintBuilder.English().Build();
        var at = complaint.ReceivedAt;
        complaint.BeginVerification(at);
        complaint.Classify(Category.Delivery, Severity.Normal, "delivery", at);
        complaint.Assign("delivery", "agent-1", at.AddHours(24), at.AddHours(72), at);
        complaint.ProposeOutcome(new Resolution(AgentDecisionKind.Reject, "Not our courier.", Compensation.None, "agent-1", complaint.ReceivedAt.AddHours(1)));
        complaint.RecordVerdict(new CustomerVerdict(false, null, "It was your courier.", complaint.ReceivedAt.AddHours(2)));

        var restored = Complaint.Restore(complaint.ToSnapshot());

        var earlier = Assert.Single(restored.EarlierRounds);
        Assert.Equal((AgentDecisionKind.Reject, "Not our courier.", "It was your courier."), (earlier.Resolution.Kind, earlier.Resolution.Text, earlier.Verdict.Comment));
    }
}
