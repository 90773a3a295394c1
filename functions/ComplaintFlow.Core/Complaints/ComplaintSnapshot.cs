namespace ComplaintFlow.Core.Complaints;

/// <summary>Every field of a <see cref="Complaint"/>, for storage adapters; see <see cref="Complaint.ToSnapshot"/> and <see cref="Complaint.Restore"/>.</summary>
public sealed record ComplaintSnapshot
{
    public required ComplaintId Id { get; init; }

    public string? ExternalId { get; init; }

    public required Channel Channel { get; init; }

    public required Customer Customer { get; init; }

    public string? Subject { get; init; }

    public required string Description { get; init; }

    public string? OrderId { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public Severity? SeverityHint { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required ComplaintStatus Status { get; init; }

    public ComplaintOutcome Outcome { get; init; }

    public Category? Category { get; init; }

    public Severity? Severity { get; init; }

    public string? ClassificationReason { get; init; }

    public string? Team { get; init; }

    public string? AssignedAgent { get; init; }

    public int EscalationTier { get; init; } = 1;

    public int Round { get; init; } = 1;

    public DateTimeOffset? FirstResponseDue { get; init; }

    public DateTimeOffset? ResolutionDue { get; init; }

    public DateTimeOffset? FirstRespondedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public Resolution? Resolution { get; init; }

    public CustomerVerdict? CustomerVerdict { get; init; }

    public ComplaintId? DuplicateOf { get; init; }

    public int RepeatCount { get; init; }

    public string? RejectionReason { get; init; }

    public string? PendingQuestion { get; init; }

    public ComplaintStatus? StatusBeforeQuestion { get; init; }

    public bool SlaBreached { get; init; }

    public DateTimeOffset? ErasedAt { get; init; }

    public string? ErasedBy { get; init; }

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>The rounds the customer turned down; empty in records written before rounds were kept.</summary>
    public IReadOnlyList<RoundOutcome> EarlierRounds { get; init; } = [];
}
