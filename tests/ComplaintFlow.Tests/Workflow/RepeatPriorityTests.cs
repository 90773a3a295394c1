using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// A repeat complaint raises the original's priority, and with it the deadlines: the remaining windows are those of the
/// new severity (the time already used counts), the reminders and escalation follow them, and the agent is told.
/// </summary>
public sealed class RepeatPriorityTests
{
    private const string Rider = "订单 123 配送超时两个小时，骑手还辱骂我。";

    [Fact]
    public async Task A_repeat_that_raises_high_to_urgent_moves_the_deadlines_to_the_urgent_ones_and_the_escalation_with_them()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().WithExternalId("prio-1").WithDescription(Rider).Submission());
        var before = await driver.ComplaintAsync(id);
        Assert.Equal(Severity.High, before.Severity);
        var assignedAt = before.Timeline.Single(e => e.Kind == TimelineEventKind.Assigned).At;
        var agentEmails = await AgentEmailsAsync(driver, before);

        await driver.PassAsync(TimeSpan.FromMinutes(30));
        await driver.FileAsync(ComplaintBuilder.Chinese().WithExternalId("prio-2").WithDescription(Rider).Submission());

        var raised = await driver.ComplaintAsync(id);
        Assert.Equal(Severity.Urgent, raised.Severity);
        Assert.Equal(assignedAt + TimeSpan.FromHours(2), raised.FirstResponseDue);
        Assert.Equal(assignedAt + TimeSpan.FromHours(24), raised.ResolutionDue);

        var told = (await AgentEmailsAsync(driver, raised)).Skip(agentEmails.Count).ToList();
        var email = Assert.Single(told);
        Assert.Contains(EmailFormat.SeverityName(Severity.Urgent, Locale.Zh), email.Subject, StringComparison.Ordinal);
        Assert.Contains(EmailFormat.Date(raised.FirstResponseDue!.Value, Locale.Zh, "Asia/Shanghai"), email.TextBody, StringComparison.Ordinal);

        // Past the urgent first-response deadline (the high one was 18:00): reminded, then escalated to the team lead.
        await driver.PassAsync(raised.FirstResponseDue!.Value - driver.Time.GetUtcNow() + TimeSpan.FromMinutes(10));
        var escalated = await driver.ComplaintAsync(id);
        Assert.Equal(2, escalated.EscalationTier);
        Assert.Equal(WorkflowDriver.LeadOf(escalated), escalated.AssignedAgent);
        Assert.Equal(2, escalated.Timeline.Count(e => e.Kind == TimelineEventKind.ReminderSent));
    }

    [Fact]
    public async Task A_repeat_that_raises_normal_to_high_gives_the_high_deadlines_as_if_it_had_been_high_from_the_start()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var late = ComplaintBuilder.Chinese().WithSubject("外卖迟到").WithDescription("订单 123 外卖送餐迟到了一个小时，饭都凉了。");
        var id = await driver.FileAsync(late.WithExternalId("prio-3").Submission());
        var before = await driver.ComplaintAsync(id);
        Assert.Equal(Severity.Normal, before.Severity);
        var assignedAt = before.Timeline.Single(e => e.Kind == TimelineEventKind.Assigned).At;

        await driver.PassAsync(TimeSpan.FromHours(1));
        await driver.FileAsync(late.WithExternalId("prio-4").Submission());

        var raised = await driver.ComplaintAsync(id);
        var high = driver.Flow.Services.GetRequiredService<SlaPolicy>().Start(Severity.High, assignedAt);
        Assert.Equal(Severity.High, raised.Severity);
        Assert.Equal(high.FirstResponse.Due, raised.FirstResponseDue);
        Assert.Equal(high.Resolution.Due, raised.ResolutionDue);
    }

    [Fact]
    public async Task A_repeat_of_an_urgent_complaint_changes_no_deadline_and_sends_the_agent_nothing()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var crash = ComplaintBuilder.English();
        var id = await driver.FileAsync(crash.WithExternalId("prio-5").Submission());
        var before = await driver.ComplaintAsync(id);
        Assert.Equal(Severity.Urgent, before.Severity);
        var agentEmails = await AgentEmailsAsync(driver, before);

        await driver.PassAsync(TimeSpan.FromMinutes(10));
        await driver.FileAsync(crash.WithExternalId("prio-6").Submission());

        var after = await driver.ComplaintAsync(id);
        Assert.Equal(1, after.RepeatCount);
        Assert.Equal((before.FirstResponseDue, before.ResolutionDue), (after.FirstResponseDue, after.ResolutionDue));
        Assert.Equal(agentEmails.Count, (await AgentEmailsAsync(driver, after)).Count);
    }

    private static async Task<List<EmailMessage>> AgentEmailsAsync(WorkflowDriver driver, Complaint complaint) =>
        [.. (await driver.EmailsAsync(complaint.Id.Value)).Where(m => m.To.Split('@')[0] == complaint.AssignedAgent)];
}
