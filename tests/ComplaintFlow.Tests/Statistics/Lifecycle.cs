using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Sla;

namespace ComplaintFlow.Tests.Statistics;

/// <summary>Walks one domain complaint through its life at given instants: <c>Lifecycle.Received(t).Classified(...).Answered(t2)</c>.</summary>
internal sealed class Lifecycle
{
    public static readonly SlaPolicy Policy = new(SlaOptions.Default, WorkingHoursBuilder.Shanghai().Calendar());

    private Lifecycle(Complaint complaint) => Complaint = complaint;

    public Complaint Complaint { get; }

    public static Lifecycle Received(DateTimeOffset at, string customer = "u-1001") =>
        new(ComplaintBuilder.Chinese().ForCustomer(customer).ReceivedAt(at).Build());

    public Lifecycle Assigned(Severity severity, DateTimeOffset at, Category category = Category.Delivery, string team = "logistics")
    {
        if (Complaint.Status == ComplaintStatus.Received)
        {
            Complaint.BeginVerification(at);
            Complaint.Classify(category, severity, "test", at);
        }

        var deadlines = Policy.Start(severity, at);
        Complaint.Assign(team, "agent-1", deadlines.FirstResponse.Due, deadlines.Resolution.Due, at);
        return this;
    }

    public Lifecycle Asked(DateTimeOffset at)
    {
        Complaint.RequestInformation("Which order?", "agent-1", at);
        return this;
    }

    public Lifecycle Answered(DateTimeOffset at)
    {
        Complaint.ProvideInformation("Order 123.", at);
        return this;
    }

    public Lifecycle Breached(string what, DateTimeOffset at)
    {
        Complaint.RecordBreach(what, at);
        return this;
    }

    public Lifecycle Escalated(DateTimeOffset at)
    {
        Complaint.Escalate("lead-1", "breach", at);
        return this;
    }

    public Lifecycle Resolved(DateTimeOffset at, AgentDecisionKind kind = AgentDecisionKind.Resolve)
    {
        Complaint.ProposeOutcome(new Resolution(kind, "Refunded.", Compensation.Refund, "agent-1", at));
        return this;
    }

    public Lifecycle Verdict(bool satisfied, DateTimeOffset at, int? rating = null)
    {
        Complaint.RecordVerdict(new CustomerVerdict(satisfied, rating, null, at));
        return this;
    }

    public Lifecycle Unconfirmed(DateTimeOffset at)
    {
        Complaint.CloseUnconfirmed(at);
        return this;
    }

    public Lifecycle Rejected(DateTimeOffset at)
    {
        Complaint.BeginVerification(at);
        Complaint.Reject("burst", at);
        return this;
    }

    public Lifecycle MergedInto(ComplaintId original, DateTimeOffset at)
    {
        Complaint.BeginVerification(at);
        Complaint.MergeInto(original, at);
        return this;
    }

    public Core.Statistics.ComplaintFacts Facts() => Core.Statistics.ComplaintFacts.From(Complaint, Policy);
}
