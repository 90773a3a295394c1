using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Sla;
using ComplaintFlow.Tests.Statistics;

namespace ComplaintFlow.Tests.Privacy;

/// <summary>What <see cref="Complaint.ErasePersonalData"/> leaves: every fact the statistics read, and none of the customer's words or contact details.</summary>
public sealed class ComplaintErasureTests
{
    private static readonly string[] Personal =
    [
        "u-1001", "李雷", "lilei@example.com", "8613800000000", "骑手态度恶劣", "配送超时两个小时", "订单 123", "小米 14", "Android 15",
        "Which order did you place", "It was order 123 on Monday", "We refunded Li Lei in full", "Not enough, I want an apology", "Thanks, fine now",
    ];

    [Fact]
    public void A_closed_complaint_keeps_its_facts_and_loses_every_text_and_contact_detail()
    {
        var complaint = TwoRoundComplaint();
        var before = ComplaintFacts.From(complaint, Lifecycle.Policy);
        var storedBefore = JsonSerializer.Serialize(complaint.ToSnapshot(), WorkflowJson.Options);
        Assert.All(Personal, p => Assert.Contains(p, storedBefore, StringComparison.Ordinal)); // the test's texts were really there

        Assert.True(complaint.ErasePersonalData("ops-wang", "at the customer's request", At.Shanghai(2027, 1, 5, 10)));

        var stored = JsonSerializer.Serialize(complaint.ToSnapshot(), WorkflowJson.Options);
        foreach (var text in Personal)
        {
            Assert.DoesNotContain(text, stored, StringComparison.Ordinal);
        }

        var after = ComplaintFacts.From(complaint, Lifecycle.Policy);
        Assert.Equal(before with { Version = after.Version }, after);
        Assert.Equal(ComplaintOutcome.Resolved, complaint.Outcome);
        Assert.Equal(Locale.Zh, complaint.Customer.Locale);
        Assert.Equal(2, complaint.Round);
        Assert.Equal(Compensation.Refund, Assert.Single(complaint.EarlierRounds).Resolution.Compensation);
        Assert.Equal(2, complaint.EarlierRounds[0].Verdict.Rating);
        var erased = complaint.Timeline[^1];
        Assert.Equal(TimelineEventKind.PersonalDataErased, erased.Kind);
        Assert.Equal("ops-wang", erased.Actor);
        Assert.Equal("ops-wang", complaint.ErasedBy);
        Assert.Contains(complaint.Timeline, e => e.Summary == "SLA breached: first response");
    }

    [Fact]
    public void Erasing_twice_changes_nothing_the_second_time()
    {
        var complaint = TwoRoundComplaint();
        complaint.ErasePersonalData("ops-wang", "at the customer's request", At.Shanghai(2027, 1, 5, 10));
        var once = JsonSerializer.Serialize(complaint.ToSnapshot(), WorkflowJson.Options);

        Assert.False(complaint.ErasePersonalData("someone-else", "after the retention period", At.Shanghai(2027, 2, 5, 10)));

        Assert.Equal(once, JsonSerializer.Serialize(complaint.ToSnapshot(), WorkflowJson.Options));
    }

    [Fact]
    public void An_open_complaint_is_closed_as_erased_and_its_pending_question_goes()
    {
        var complaint = Lifecycle.Received(At.Shanghai(2026, 11, 23, 10)).Assigned(Severity.High, At.Shanghai(2026, 11, 23, 10)).Complaint;
        complaint.RequestInformation("Which order did you place?", "agent-1", At.Shanghai(2026, 11, 23, 11));

        complaint.ErasePersonalData("ops-wang", "at the customer's request", At.Shanghai(2026, 11, 24, 9));

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(ComplaintOutcome.Erased, complaint.Outcome);
        Assert.Equal(At.Shanghai(2026, 11, 24, 9), complaint.ClosedAt);
        Assert.Null(complaint.PendingQuestion);
        Assert.True(complaint.IsFinished);
        Assert.DoesNotContain("Which order", JsonSerializer.Serialize(complaint.ToSnapshot(), WorkflowJson.Options), StringComparison.Ordinal);
    }

    /// <summary>A question and its answer, a breach, a round the customer turned down with a comment, and a second round they accepted.</summary>
    private static Complaint TwoRoundComplaint()
    {
        var complaint = ComplaintBuilder.Chinese().ReceivedAt(At.Shanghai(2026, 11, 23, 10)).Build();
        complaint.BeginVerification(At.Shanghai(2026, 11, 23, 10));
        complaint.Classify(Category.Delivery, Severity.High, "test", At.Shanghai(2026, 11, 23, 10));
        var deadlines = Lifecycle.Policy.Start(Severity.High, At.Shanghai(2026, 11, 23, 10));
        complaint.Assign("logistics", "agent-1", deadlines.FirstResponse.Due, deadlines.Resolution.Due, At.Shanghai(2026, 11, 23, 10));
        complaint.RecordBreach("first response", At.Shanghai(2026, 11, 23, 16));
        complaint.RequestInformation("Which order did you place?", "agent-1", At.Shanghai(2026, 11, 23, 17));
        complaint.ProvideInformation("It was order 123 on Monday.", At.Shanghai(2026, 11, 24, 9));
        complaint.ProposeOutcome(new Resolution(AgentDecisionKind.Resolve, "We refunded Li Lei in full.", Compensation.Refund, "agent-1", At.Shanghai(2026, 11, 24, 10)));
        complaint.RecordVerdict(new CustomerVerdict(false, 2, "Not enough, I want an apology.", At.Shanghai(2026, 11, 24, 12)));
        complaint.Assign("logistics", "lead-1", deadlines.FirstResponse.Due, deadlines.Resolution.Due, At.Shanghai(2026, 11, 24, 12));
        complaint.ProposeOutcome(new Resolution(AgentDecisionKind.Resolve, "We refunded Li Lei in full.", Compensation.Coupon, "lead-1", At.Shanghai(2026, 11, 24, 15)));
        complaint.RecordVerdict(new CustomerVerdict(true, 4, "Thanks, fine now.", At.Shanghai(2026, 11, 25, 9)));
        return complaint;
    }
}
