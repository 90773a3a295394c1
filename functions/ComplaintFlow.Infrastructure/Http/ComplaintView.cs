using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// A complaint as the API shows it (<c>GET /api/complaints/{id}</c>). Contact details are masked: the API is for
/// operations and reporting, and the full address stays in storage where the emails are sent from.
/// </summary>
public sealed record ComplaintView(
    string ComplaintId,
    string? ExternalId,
    Channel Channel,
    ComplaintStatus Status,
    ComplaintOutcome Outcome,
    Category? Category,
    Severity? Severity,
    string? ClassificationReason,
    string? Team,
    string? Assignee,
    int EscalationTier,
    int Round,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FirstResponseDue,
    DateTimeOffset? ResolutionDue,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    bool SlaBreached,
    string? Subject,
    string Description,
    string? OrderId,
    ComplaintView.CustomerView Customer,
    Resolution? Resolution,
    CustomerVerdict? CustomerVerdict,
    string? DuplicateOf,
    int RepeatCount,
    string? RejectionReason,
    string? PendingQuestion,
    DateTimeOffset? ErasedAt,
    string? ErasedBy,
    IReadOnlyList<ComplaintView.TimelineView> Timeline)
{
    public static ComplaintView From(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var customer = complaint.Customer;
        return new ComplaintView(
            complaint.Id.Value,
            complaint.ExternalId,
            complaint.Channel,
            complaint.Status,
            complaint.Outcome,
            complaint.Category,
            complaint.Severity,
            complaint.ClassificationReason,
            complaint.Team,
            complaint.AssignedAgent,
            complaint.EscalationTier,
            complaint.Round,
            complaint.ReceivedAt,
            complaint.FirstResponseDue,
            complaint.ResolutionDue,
            complaint.FirstRespondedAt,
            complaint.ResolvedAt,
            complaint.ClosedAt,
            complaint.SlaBreached,
            complaint.Subject,
            complaint.Description,
            complaint.OrderId,
            new CustomerView(
                customer.Id,
                customer.Name,
                customer.Email is null ? null : PersonalData.MaskEmail(customer.Email),
                customer.Phone is null ? null : PersonalData.MaskPhone(customer.Phone),
                customer.Locale),
            complaint.Resolution,
            complaint.CustomerVerdict,
            complaint.DuplicateOf?.Value,
            complaint.RepeatCount,
            complaint.RejectionReason,
            complaint.PendingQuestion,
            complaint.ErasedAt,
            complaint.ErasedBy,
            complaint.Timeline.Select(e => new TimelineView(e.Sequence, e.At, e.Kind, e.Actor, e.Summary, e.Detail)).ToList());
    }

    public sealed record CustomerView(string Id, string? Name, string? Email, string? Phone, Locale Locale);

    public sealed record TimelineView(int Sequence, DateTimeOffset At, TimelineEventKind Kind, string Actor, string Summary, string? Detail);
}
