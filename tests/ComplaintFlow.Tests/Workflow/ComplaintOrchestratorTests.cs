using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Simulator;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// The real <see cref="ComplaintOrchestrator"/> and activities on the durable simulator, every store in memory and
/// a fake clock: each scenario of the process, as the agent, the customer and the manager would see it.
/// </summary>
public sealed class ComplaintOrchestratorTests
{
    [Fact]
    public async Task Happy_path_the_agent_resolves_the_customer_confirms_and_it_closes_with_its_timeline()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());

        var assigned = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.Assigned, assigned.Status);
        Assert.Equal(new RoutingPolicy(new RoutingOptions()).TeamFor(assigned.Category!.Value), assigned.Team);
        Assert.Equal(Category.ServiceAttitude, assigned.Category);
        Assert.Equal(1, assigned.EscalationTier);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.Acknowledgement));
        var assignment = Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
        Assert.Equal(assigned.AssignedAgent, assignment.To.Split('@')[0]);
        Assert.Equal(WorkflowStage.WaitingForAgent, (await driver.InstanceAsync(id)).ReadCustomStatusAs<ComplaintWorkflowStatus>()!.Stage);

        await driver.PassAsync(TimeSpan.FromHours(1));
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已为您全额退款。", Compensation.Refund);

        Assert.Equal(ComplaintStatus.AwaitingCustomer, (await driver.ComplaintAsync(id)).Status);
        var outcome = Assert.Single(await driver.EmailsAsync(id, EmailKind.Outcome));
        Assert.Equal("lilei@example.com", outcome.To);
        Assert.Contains("已为您全额退款", outcome.TextBody, StringComparison.Ordinal);

        await driver.ConfirmAsync(id, satisfied: true, rating: 5, comment: "谢谢");

        var state = await driver.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(ComplaintOutcome.Resolved, state.ReadOutputAs<ComplaintWorkflowResult>()!.Outcome);
        var closed = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(5, closed.CustomerVerdict!.Rating);
        Assert.False(closed.SlaBreached);
        Assert.Equal(
            [
                TimelineEventKind.Received, TimelineEventKind.VerificationStarted, TimelineEventKind.Classified, TimelineEventKind.Assigned,
                TimelineEventKind.Acknowledged, TimelineEventKind.AgentNotified, TimelineEventKind.OutcomeProposed, TimelineEventKind.CustomerConfirmed,
                TimelineEventKind.Closed,
            ],
            closed.Timeline.Select(e => e.Kind).Where(k => k != TimelineEventKind.Note));
    }

    [Fact]
    public async Task A_silent_agent_is_reminded_then_the_complaint_escalates_to_the_lead_and_then_the_manager()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        var complaint = await driver.ComplaintAsync(id);
        var agent = complaint.AssignedAgent!;
        var firstResponseDue = complaint.FirstResponseDue!.Value;
        var resolutionDue = complaint.ResolutionDue!.Value;

        await driver.PassAsync(firstResponseDue - driver.Time.GetUtcNow() - TimeSpan.FromMinutes(10));
        var beforeBreach = await driver.ComplaintAsync(id);
        Assert.Equal(1, beforeBreach.EscalationTier);
        var reminders = await driver.EmailsAsync(id, EmailKind.Reminder);
        Assert.Equal(2, reminders.Count); // at 50 % and 80 % of the first-response window
        Assert.All(reminders, r => Assert.StartsWith(agent + "@", r.To, StringComparison.Ordinal));

        await driver.PassAsync(TimeSpan.FromMinutes(20));
        var tier2 = await driver.ComplaintAsync(id);
        Assert.Equal(2, tier2.EscalationTier);
        var lead = WorkflowDriver.LeadOf(tier2);
        Assert.Equal(lead, tier2.AssignedAgent);
        Assert.True(tier2.SlaBreached);
        Assert.Contains(await driver.EmailsAsync(id, EmailKind.Escalation), e => e.To.StartsWith(lead.Replace('-', '.') + "@", StringComparison.Ordinal));

        await driver.PassAsync(resolutionDue - driver.Time.GetUtcNow() + TimeSpan.FromMinutes(10));
        var tier3 = await driver.ComplaintAsync(id);
        Assert.Equal(3, tier3.EscalationTier);
        Assert.Equal("manager", tier3.AssignedAgent);
        Assert.Contains(await driver.EmailsAsync(id, EmailKind.Escalation), e => e.To.StartsWith("manager@", StringComparison.Ordinal));

        // Nothing above the manager: time passing changes no more tiers, and the manager can still decide.
        await driver.PassAsync(TimeSpan.FromDays(2));
        Assert.Equal(3, (await driver.ComplaintAsync(id)).EscalationTier);
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "经理已处理：退款并致歉。", Compensation.Refund);
        Assert.Equal(ComplaintStatus.AwaitingCustomer, (await driver.ComplaintAsync(id)).Status);
    }

    [Fact]
    public async Task A_reminder_that_fell_due_before_the_workflow_began_waiting_for_the_agent_is_sent_late_not_skipped()
    {
        // The acknowledgement fails three times and goes out on the fourth try (retried after 2, 4 and 8 s), so the
        // workflow only begins to wait for the agent 14 s after assignment: past the 50 % point of a 20 s window.
        var sender = new FlakySender(failures: 3);
        await using var driver = await WorkflowDriver.StartAsync(
            configureServices: s => s.AddSingleton<IEmailSender>(sp => sender.Over(sp.GetRequiredService<Local.InMemory.InMemoryOutbox>())),
            settings: [new("Sla:Targets:Urgent:FirstResponse", "00:00:20"), new("Sla:Targets:Urgent:Resolution", "00:02:00")]);
        var id = await driver.FileAsync(ComplaintBuilder.English().Submission()); // "crashes": urgent
        await driver.PassAsync(TimeSpan.FromSeconds(15), step: TimeSpan.FromSeconds(1));
        Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));

        await driver.PassAsync(TimeSpan.FromSeconds(3), step: TimeSpan.FromSeconds(1));

        // The 50 % reminder went out late, saying how much of the window had really passed; the 80 % one on time.
        var reminders = await driver.EmailsAsync(id, EmailKind.Reminder);
        Assert.Equal(2, reminders.Count);
        Assert.Equal(2, (await driver.ComplaintAsync(id)).Timeline.Count(e => e.Kind == TimelineEventKind.ReminderSent));
        Assert.Equal(1, (await driver.ComplaintAsync(id)).EscalationTier);
    }

    [Fact]
    public async Task A_rejected_complaint_the_customer_never_answers_is_reminded_after_48_hours_and_closed_after_7_days()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        await driver.DecideAsync(id, AgentDecisionKind.Reject, "经核实，配送时间在承诺范围内。");

        var outcome = Assert.Single(await driver.EmailsAsync(id, EmailKind.Outcome));
        Assert.Contains("经核实，配送时间在承诺范围内", outcome.TextBody, StringComparison.Ordinal);

        await driver.PassAsync(TimeSpan.FromHours(47));
        Assert.Empty(await driver.EmailsAsync(id, EmailKind.ConfirmationReminder));
        await driver.PassAsync(TimeSpan.FromHours(2));
        Assert.Single(await driver.EmailsAsync(id, EmailKind.ConfirmationReminder));

        await driver.PassAsync(TimeSpan.FromDays(4)); // 6 days and 1 hour after the outcome
        Assert.Equal(ComplaintStatus.AwaitingCustomer, (await driver.ComplaintAsync(id)).Status);
        await driver.PassAsync(TimeSpan.FromDays(1));

        var state = await driver.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(ComplaintOutcome.Unfounded, state.ReadOutputAs<ComplaintWorkflowResult>()!.Outcome);
        Assert.Equal(ComplaintStatus.Closed, (await driver.ComplaintAsync(id)).Status);
    }

    [Fact]
    public async Task A_resolved_complaint_the_customer_never_confirms_closes_as_resolved_unconfirmed()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.English().Submission());
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "We fixed the crash in 5.2.2 and refunded the double charge.", Compensation.Refund);

        await driver.PassAsync(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(10));

        var state = await driver.InstanceAsync(id);
        Assert.Equal(ComplaintOutcome.ResolvedUnconfirmed, state.ReadOutputAs<ComplaintWorkflowResult>()!.Outcome);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.Closure));
    }

    [Fact]
    public async Task The_agent_asks_for_more_information_the_customer_answers_and_the_agent_is_told()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        var agent = (await driver.ComplaintAsync(id)).AssignedAgent;

        await driver.DecideAsync(id, AgentDecisionKind.RequestInfo, "请提供骑手的工号或截图。");
        var asking = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.NeedsInfo, asking.Status);
        var request = Assert.Single(await driver.EmailsAsync(id, EmailKind.InformationRequest));
        Assert.Contains("请提供骑手的工号或截图", request.TextBody, StringComparison.Ordinal);

        await driver.PassAsync(TimeSpan.FromHours(5));
        await driver.ProvideInformationAsync(id, "骑手工号 A1024，截图已上传。");

        var resumed = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.Assigned, resumed.Status);
        Assert.Equal(agent, resumed.AssignedAgent);
        Assert.Contains(resumed.Timeline, e => e.Kind == TimelineEventKind.InformationProvided);
        Assert.Contains(resumed.Timeline, e => e.Kind == TimelineEventKind.AgentNotified && e.Summary.Contains("added the information", StringComparison.Ordinal));
        Assert.Equal(2, (await driver.EmailsAsync(id, EmailKind.AgentAssignment)).Count(m => m.To.StartsWith(agent + "@", StringComparison.Ordinal)));

        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已核实并处理骑手。");
        await driver.ConfirmAsync(id, satisfied: true, rating: 4);
        Assert.Equal(ComplaintStatus.Closed, (await driver.ComplaintAsync(id)).Status);
    }

    [Fact]
    public async Task A_customer_who_never_answers_a_question_has_the_complaint_closed_as_abandoned_after_72_hours()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        await driver.DecideAsync(id, AgentDecisionKind.RequestInfo, "请提供订单截图。");

        await driver.PassAsync(TimeSpan.FromHours(71));
        Assert.Equal(ComplaintStatus.NeedsInfo, (await driver.ComplaintAsync(id)).Status);
        await driver.PassAsync(TimeSpan.FromHours(2));

        var state = await driver.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(ComplaintOutcome.Abandoned, state.ReadOutputAs<ComplaintWorkflowResult>()!.Outcome);
        Assert.Equal(ComplaintStatus.Closed, (await driver.ComplaintAsync(id)).Status);
    }

    [Fact]
    public async Task A_complaint_without_the_order_number_asks_for_it_before_assignment()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().WithSubject("包裹没送到").WithDescription("我的包裹三天了还没送到，物流信息一直没有更新。").WithOrderId(null).Submission());

        Assert.Equal(ComplaintStatus.NeedsInfo, (await driver.ComplaintAsync(id)).Status);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.InformationRequest));
        Assert.Empty(await driver.EmailsAsync(id, EmailKind.AgentAssignment));

        await driver.ProvideInformationAsync(id, "订单号 20261123-889");

        var complaint = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.Assigned, complaint.Status);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
    }

    [Fact]
    public async Task A_dissatisfied_customer_starts_a_second_round_at_the_next_tier_where_old_links_change_nothing()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        var roundOneGeneration = LinkGeneration.ForAssignment(await driver.ComplaintAsync(id));
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已发放 10 元优惠券。", Compensation.Coupon);

        await driver.ConfirmAsync(id, satisfied: false, rating: 1, comment: "优惠券不够，我要退款。");

        var round2 = await driver.ComplaintAsync(id);
        Assert.Equal(2, round2.Round);
        Assert.Equal(2, round2.EscalationTier);
        Assert.Equal(WorkflowDriver.LeadOf(round2), round2.AssignedAgent);
        Assert.Equal(ComplaintStatus.Assigned, round2.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await driver.InstanceAsync(id)).RuntimeStatus);

        // The first round's decision link, clicked again, is stale: nothing moves.
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "旧链接", generation: roundOneGeneration);
        Assert.Equal(ComplaintStatus.Assigned, (await driver.ComplaintAsync(id)).Status);

        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已全额退款。", Compensation.Refund);
        await driver.ConfirmAsync(id, satisfied: true, rating: 4);

        var state = await driver.InstanceAsync(id);
        var result = state.ReadOutputAs<ComplaintWorkflowResult>()!;
        Assert.Equal((ComplaintOutcome.Resolved, 2), (result.Outcome, result.Round));
        Assert.Equal(ComplaintStatus.Closed, (await driver.ComplaintAsync(id)).Status);
    }

    [Fact]
    public async Task A_repeat_filed_in_the_same_instant_as_its_original_is_merged_into_it()
    {
        // On a fake clock no time passes between two filings; the original is recorded, verified and assigned first.
        await using var driver = await WorkflowDriver.StartAsync();
        var pairs = new List<(string Original, string Repeat)>();
        for (var i = 0; i < 8; i++)
        {
            var complaint = ComplaintBuilder.Chinese().ForCustomer($"u-twice-{i}").WithOrderId($"9{i}").WithDescription($"订单被取消了，骑手还辱骂我。{Words(i)}");
            var original = await driver.FileAsync(complaint.WithExternalId($"twice-{i}-a").Submission());
            pairs.Add((original, await driver.FileAsync(complaint.WithExternalId($"twice-{i}-b").Submission())));
        }

        foreach (var (original, repeat) in pairs)
        {
            Assert.Equal(ComplaintOutcome.Merged, (await driver.ComplaintAsync(repeat)).Outcome);
            Assert.Contains((await driver.ComplaintAsync(original)).Timeline, e => e.Kind == TimelineEventKind.RepeatReceived);
        }
    }

    [Fact]
    public async Task A_decision_raised_before_the_workflow_waits_for_it_is_not_lost()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.Flow.SubmitAsync(ComplaintBuilder.Chinese().Submission(), TestContext.Current.CancellationToken);

        // Before verification, classification and assignment have run: the event waits in the buffer.
        await driver.Flow.Client.RaiseEventAsync(
            id,
            WorkflowNames.Events.AgentDecision,
            new AgentDecision(AgentDecisionKind.Resolve, "early-clicker", LinkGeneration.ForAssignment(round: 1, tier: 1), "提前处理。"),
            TestContext.Current.CancellationToken);
        await driver.SettleAsync();

        Assert.Equal(ComplaintStatus.AwaitingCustomer, (await driver.ComplaintAsync(id)).Status);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.Outcome));
    }

    [Fact]
    public async Task A_decision_raised_twice_is_acted_on_once()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());

        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已退款。");
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已退款。");

        var complaint = await driver.ComplaintAsync(id);
        Assert.Single(complaint.Timeline, e => e.Kind == TimelineEventKind.OutcomeProposed);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.Outcome));

        await driver.ConfirmAsync(id, satisfied: true, rating: 5);
        await driver.ConfirmAsync(id, satisfied: true, rating: 5);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceAsync(id)).RuntimeStatus);
        Assert.Single((await driver.ComplaintAsync(id)).Timeline, e => e.Kind == TimelineEventKind.Closed);
    }

    [Fact]
    public async Task Starting_an_existing_complaint_again_neither_restarts_nor_terminates_it()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        var before = await driver.InstanceAsync(id);

        var started = await driver.Flow.Client.StartOnceAsync(WorkflowNames.ComplaintOrchestrator, new ComplaintWorkflowInput(id), id, TestContext.Current.CancellationToken);
        await driver.SettleAsync();

        Assert.False(started);

        var after = await driver.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, after.RuntimeStatus);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.Acknowledgement));
        Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
    }

    [Fact]
    public async Task An_email_that_fails_twice_is_sent_on_a_later_try()
    {
        var sender = new FlakySender(failures: 2);
        await using var driver = await WorkflowDriver.StartAsync(configureServices: s => s.AddSingleton<IEmailSender>(sp => sender.Over(sp.GetRequiredService<Local.InMemory.InMemoryOutbox>())));
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());

        await driver.PassAsync(TimeSpan.FromMinutes(1), step: TimeSpan.FromSeconds(1));

        Assert.Equal(ComplaintStatus.Assigned, (await driver.ComplaintAsync(id)).Status);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.Acknowledgement));
        Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
        Assert.Equal(2, sender.Failed);
    }

    [Fact]
    public async Task An_email_that_always_fails_fails_the_workflow_with_its_error()
    {
        var sender = new FlakySender(failures: int.MaxValue);
        await using var driver = await WorkflowDriver.StartAsync(configureServices: s => s.AddSingleton<IEmailSender>(sp => sender.Over(sp.GetRequiredService<Local.InMemory.InMemoryOutbox>())));
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());

        await driver.PassAsync(TimeSpan.FromMinutes(5), step: TimeSpan.FromSeconds(1));

        var state = await driver.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains(FlakySender.Error, state.FailureDetails.Describe(), StringComparison.Ordinal);
        Assert.Equal(5, sender.Failed); // every try of the default retry policy
    }

    [Fact]
    public async Task A_thousand_complaints_run_to_completion_concurrently()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var ids = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(i => driver.Flow.SubmitAsync(
            ComplaintBuilder.English().ForCustomer($"u-{i}").WithExternalId($"ext-{i}").WithDescription($"The app crashes on checkout ({Words(i)}); I was charged twice.").Submission(),
            ct)));
        await driver.SettleAsync();

        await Task.WhenAll(ids.Select(async id =>
        {
            var complaint = await driver.ComplaintAsync(id);
            await driver.Flow.Client.RaiseEventAsync(id, WorkflowNames.Events.AgentDecision, new AgentDecision(AgentDecisionKind.Resolve, complaint.AssignedAgent!, LinkGeneration.ForAssignment(complaint), "Fixed."), ct);
        }));
        await driver.SettleAsync();
        await Task.WhenAll(ids.Select(id => driver.Flow.Client.RaiseEventAsync(id, WorkflowNames.Events.CustomerConfirmation, new CustomerConfirmation(true, 1, 5), ct)));
        await driver.SettleAsync();

        var results = await Task.WhenAll(ids.Select(id => driver.InstanceAsync(id)));
        Assert.All(results, s => Assert.Equal(ComplaintOutcome.Resolved, s.ReadOutputAs<ComplaintWorkflowResult>()?.Outcome));
        Assert.Equal(1_000, ids.Distinct(StringComparer.Ordinal).Count());
        var load = await Task.WhenAll(ids.Select(id => driver.ComplaintAsync(id)));
        Assert.All(load, c => Assert.Equal(ComplaintStatus.Closed, c.Status));
    }

    /// <summary>A different text for each number (digits alone would not make texts differ for the same-text abuse check).</summary>
    private static string Words(int i) => string.Concat(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));

    /// <summary>An email sender that fails its first <c>failures</c> sends, then passes them on.</summary>
    private sealed class FlakySender(int failures)
    {
        public const string Error = "SMTP 421 service not available (test)";
        private readonly int _failures = failures;
        private int _failed;
        private IEmailSender? _inner;

        public int Failed => _failed;

        public IEmailSender Over(IEmailSender inner)
        {
            _inner = inner;
            return new Sender(this);
        }

        private sealed class Sender(FlakySender owner) : IEmailSender
        {
            public Task SendAsync(EmailMessage message, CancellationToken ct = default)
            {
                if (Volatile.Read(ref owner._failed) < owner._failures)
                {
                    Interlocked.Increment(ref owner._failed);
                    throw new IOException(Error);
                }

                return owner._inner!.SendAsync(message, ct);
            }
        }
    }
}
