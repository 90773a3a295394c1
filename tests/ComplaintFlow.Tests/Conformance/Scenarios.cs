using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.Builders;
using T = ComplaintFlow.Core.Complaints.TimelineEventKind;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// The lifecycle scenarios of DESIGN §2, each written once: what the customer and the agents do, and how every
/// complaint must end (outcome, timeline, emails) on every runtime.
/// </summary>
public static class Scenarios
{
    private static readonly Mail Acknowledgement = new(Recipient.Customer, EmailKind.Acknowledgement);
    private static readonly Mail ToAgent = new(Recipient.Agent, EmailKind.AgentAssignment);
    private static readonly Mail Outcome = new(Recipient.Customer, EmailKind.Outcome);
    private static readonly Mail Closure = new(Recipient.Customer, EmailKind.Closure);

    /// <summary>Received, verified, classified, assigned, acknowledged, the agent told: where every accepted complaint waits for its agent.</summary>
    private static readonly T[] WithTheAgent = [T.Received, T.VerificationStarted, T.Classified, T.Assigned, T.Acknowledged, T.AgentNotified];

    /// <summary>The customer is satisfied: the verdict closes the record, then the workflow archives it.</summary>
    private static readonly T[] Confirmed = [T.CustomerConfirmed, T.Closed, T.Note];

    public static IReadOnlyList<Scenario> All { get; } =
    [
        // The agent resolves at once; the customer is satisfied.
        new(
            "resolved, then confirmed",
            ScenarioTiming.PeopleAnswerPromptly,
            async p =>
            {
                var id = await p.FileAsync(RiderComplaint("s1", "订单 123 配送超时两个小时，骑手还辱骂我。"));
                await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment);
                await p.AgentDecidesAsync(id, AgentDecisionKind.Resolve, "已为您全额退款，并对骑手进行了处理。", Compensation.Refund);
                await p.EmailedAsync(id, Recipient.Customer, EmailKind.Outcome);
                await p.CustomerConfirmsAsync(id, satisfied: true, rating: 5, "谢谢");
                await p.FinishedAsync(id);
            },
            [new(ComplaintOutcome.Resolved, ComplaintStatus.Closed, [.. WithTheAgent, T.OutcomeProposed, .. Confirmed], [Acknowledgement, ToAgent, Outcome, Closure])]),

        // Nobody answers an urgent complaint: reminders at 50 % and 80 % of each window, escalation to the team lead at the
        // first-response breach and to the complaints manager at the resolution breach; the manager resolves.
        new(
            "silent agent: reminders, then tier 2, then tier 3",
            ScenarioTiming.PeopleAnswerPromptly,
            async p =>
            {
                var id = await p.FileAsync(UrgentComplaint("s2"));
                await p.EmailedAsync(id, Recipient.Manager, EmailKind.Escalation);
                await p.AgentDecidesAsync(id, AgentDecisionKind.Resolve, "We fixed the crash in 5.2.2 and refunded the double charge.", Compensation.Refund);
                await p.EmailedAsync(id, Recipient.Customer, EmailKind.Outcome);
                await p.CustomerConfirmsAsync(id, satisfied: true, rating: 4);
                await p.FinishedAsync(id);
            },
            [
                new(
                    ComplaintOutcome.Resolved,
                    ComplaintStatus.Closed,
                    [
                        .. WithTheAgent,
                        T.ReminderSent, T.ReminderSent, T.Note, T.Escalated, // first response: 50 %, 80 %, breached → tier 2
                        T.ReminderSent, T.ReminderSent, T.Note, T.Escalated, // resolution: 50 %, 80 %, breached → tier 3
                        T.OutcomeProposed, .. Confirmed,
                    ],
                    [
                        Acknowledgement, ToAgent,
                        new(Recipient.Agent, EmailKind.Reminder), new(Recipient.Agent, EmailKind.Reminder), new(Recipient.Lead, EmailKind.Escalation),
                        new(Recipient.Lead, EmailKind.Reminder), new(Recipient.Lead, EmailKind.Reminder), new(Recipient.Manager, EmailKind.Escalation),
                        Outcome, Closure,
                    ]),
            ]),

        // The customer is not satisfied: round 2 goes to the team lead (tier 2), who resolves to the customer's satisfaction.
        new(
            "not satisfied: round 2 at the next tier",
            ScenarioTiming.PeopleAnswerPromptly,
            async p =>
            {
                var id = await p.FileAsync(RiderComplaint("s3", "订单 123 的骑手把餐洒了，还辱骂我。"));
                await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment);
                await p.AgentDecidesAsync(id, AgentDecisionKind.Resolve, "已发放 10 元优惠券。", Compensation.Coupon);
                await p.EmailedAsync(id, Recipient.Customer, EmailKind.Outcome);
                await p.CustomerConfirmsAsync(id, satisfied: false, rating: 1, "优惠券不够，我要退款。");
                await p.EmailedAsync(id, Recipient.Lead, EmailKind.AgentAssignment);
                await p.AgentDecidesAsync(id, AgentDecisionKind.Resolve, "已全额退款。", Compensation.Refund);
                await p.EmailedAsync(id, Recipient.Customer, EmailKind.Outcome, count: 2);
                await p.CustomerConfirmsAsync(id, satisfied: true, rating: 4);
                await p.FinishedAsync(id);
            },
            [
                new(
                    ComplaintOutcome.Resolved,
                    ComplaintStatus.Closed,
                    [.. WithTheAgent, T.OutcomeProposed, T.CustomerDissatisfied, T.Reopened, T.Assigned, T.AgentNotified, T.OutcomeProposed, .. Confirmed],
                    [Acknowledgement, ToAgent, Outcome, new(Recipient.Lead, EmailKind.AgentAssignment), Outcome, Closure]),
            ]),

        // The agent asks the customer a question; the customer answers, the agent is told and resolves.
        new(
            "asked for information, answered",
            ScenarioTiming.PeopleAnswerPromptly,
            async p =>
            {
                var id = await p.FileAsync(RiderComplaint("s4", "订单 123 的骑手在电话里辱骂我。"));
                await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment);
                await p.AgentDecidesAsync(id, AgentDecisionKind.RequestInfo, "请提供骑手的工号或截图。");
                await p.EmailedAsync(id, Recipient.Customer, EmailKind.InformationRequest);
                await p.CustomerAddsInformationAsync(id, "骑手工号 A1024，截图已上传。");
                await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment, count: 2);
                await p.AgentDecidesAsync(id, AgentDecisionKind.Resolve, "已核实并处理骑手。");
                await p.EmailedAsync(id, Recipient.Customer, EmailKind.Outcome);
                await p.CustomerConfirmsAsync(id, satisfied: true, rating: 4);
                await p.FinishedAsync(id);
            },
            [
                new(
                    ComplaintOutcome.Resolved,
                    ComplaintStatus.Closed,
                    [.. WithTheAgent, T.InformationRequested, T.InformationProvided, T.Note, T.AgentNotified, T.OutcomeProposed, .. Confirmed], // the note: the SLA clock resumed
                    [Acknowledgement, ToAgent, new(Recipient.Customer, EmailKind.InformationRequest), ToAgent, Outcome, Closure]),
            ]),

        // The agent asks the customer a question nobody answers: abandoned when the wait for the answer runs out.
        new(
            "asked for information, abandoned",
            ScenarioTiming.PeopleAnswerPromptly with { CustomerInfoTimeout = TimeSpan.FromSeconds(4) },
            async p =>
            {
                var id = await p.FileAsync(RiderComplaint("s5", "订单 123 的骑手送错了地址，还骂我。"));
                await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment);
                await p.AgentDecidesAsync(id, AgentDecisionKind.RequestInfo, "请提供订单截图。");
                await p.FinishedAsync(id);
            },
            [
                new(
                    ComplaintOutcome.Abandoned,
                    ComplaintStatus.Closed,
                    [.. WithTheAgent, T.InformationRequested, T.Closed],
                    [Acknowledgement, ToAgent, new(Recipient.Customer, EmailKind.InformationRequest), Closure]),
            ]),

        // The customer complains again about the same order while the first complaint is with an agent: the repeat is
        // merged into the original (which notes it), the original's priority goes up from normal to high, its deadlines
        // are recomputed (a note) and the agent is told; then it is resolved as usual.
        new(
            "repeat complaint merged into the original",
            ScenarioTiming.PeopleAnswerPromptly,
            async p =>
            {
                var original = await p.FileAsync(RiderComplaint("s6", "订单 123 的骑手迟到了一个小时，饭都凉了。", externalId: "s6-1"));
                await p.EmailedAsync(original, Recipient.Agent, EmailKind.AgentAssignment);
                var repeat = await p.FileAsync(RiderComplaint("s6", "订单 123 的骑手迟到了一个小时，饭都凉了。", externalId: "s6-2"));
                await p.FinishedAsync(repeat);
                await p.EmailedAsync(original, Recipient.Agent, EmailKind.PriorityRaised);
                await p.AgentDecidesAsync(original, AgentDecisionKind.Resolve, "已为您全额退款。", Compensation.Refund);
                await p.EmailedAsync(original, Recipient.Customer, EmailKind.Outcome);
                await p.CustomerConfirmsAsync(original, satisfied: true, rating: 5);
                await p.FinishedAsync(original);
            },
            [
                new(
                    ComplaintOutcome.Resolved,
                    ComplaintStatus.Closed,
                    [.. WithTheAgent, T.RepeatReceived, T.Note, T.OutcomeProposed, .. Confirmed], // the note: deadlines recomputed for High
                    [Acknowledgement, ToAgent, new(Recipient.Agent, EmailKind.PriorityRaised), Outcome, Closure]),
                new(ComplaintOutcome.Merged, ComplaintStatus.Closed, [T.Received, T.VerificationStarted, T.Merged], []),
            ]),

        // The same text from four customers within minutes: the first three go to agents, the fourth is rejected as a campaign.
        new(
            "same text from four customers: the 4th rejected",
            ScenarioTiming.PeopleAnswerPromptly,
            async p =>
            {
                for (var i = 1; i <= 3; i++)
                {
                    var id = await p.FileAsync(CampaignComplaint(i));
                    await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment);
                }

                await p.FinishedAsync(await p.FileAsync(CampaignComplaint(4)));
            },
            [
                .. Enumerable.Repeat(new ExpectedComplaint(ComplaintOutcome.None, ComplaintStatus.Assigned, WithTheAgent, [Acknowledgement, ToAgent]), 3),
                new(ComplaintOutcome.RejectedAtIntake, ComplaintStatus.Rejected, [T.Received, T.VerificationStarted, T.Rejected], [new(Recipient.Customer, EmailKind.IntakeRejection)]),
            ]),

        // The customer never answers the outcome: one reminder, then closed as resolved but unconfirmed.
        new(
            "customer silent: reminder, closed unconfirmed",
            ScenarioTiming.PeopleAnswerPromptly with { ConfirmationReminderAfter = TimeSpan.FromSeconds(3), ConfirmationTimeout = TimeSpan.FromSeconds(6) },
            async p =>
            {
                var id = await p.FileAsync(RiderComplaint("s8", "订单 123 的骑手没敲门就走了，打电话还骂我。"));
                await p.EmailedAsync(id, Recipient.Agent, EmailKind.AgentAssignment);
                await p.AgentDecidesAsync(id, AgentDecisionKind.Resolve, "已为您全额退款。", Compensation.Refund);
                await p.FinishedAsync(id);
            },
            [
                new(
                    ComplaintOutcome.ResolvedUnconfirmed,
                    ComplaintStatus.Closed,
                    [.. WithTheAgent, T.OutcomeProposed, T.ReminderSent, T.Closed],
                    [Acknowledgement, ToAgent, Outcome, new(Recipient.Customer, EmailKind.ConfirmationReminder), Closure]),
            ]),
    ];

    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>
    /// 骑手态度恶劣 (the rider was rude): a service-attitude complaint about order 123, in words of its own (scenarios that
    /// share a host must not look like one text sent by many customers).
    /// </summary>
    private static ComplaintSubmission RiderComplaint(string customer, string description, string? externalId = null) =>
        ComplaintBuilder.Chinese().ForCustomer("u-" + customer).WithExternalId(externalId ?? customer).WithDescription(description).Submission();

    /// <summary>The app crashes at checkout: urgent, so its windows are the seconds-long ones.</summary>
    private static ComplaintSubmission UrgentComplaint(string customer) =>
        ComplaintBuilder.English().ForCustomer("u-" + customer).WithExternalId(customer).Submission();

    /// <summary>One text sent by several customers, each about their own order.</summary>
    private static ComplaintSubmission CampaignComplaint(int sender) =>
        ComplaintBuilder.Chinese()
            .ForCustomer($"u-s7-{sender}")
            .WithExternalId($"s7-{sender}")
            .WithOrderId($"7{sender}")
            .WithDescription("这个平台的客服太差了，大家一起投诉，要求赔偿！")
            .Submission();
}
