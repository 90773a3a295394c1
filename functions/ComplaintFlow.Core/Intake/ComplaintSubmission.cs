using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>A complaint as submitted, after validation (see <c>docs/webhook.md</c> for the wire format).</summary>
/// <param name="ExternalId">The sender's own id for the complaint; with <paramref name="Channel"/> it is never started twice.</param>
/// <param name="Channel">Where it came from.</param>
/// <param name="Customer">Who complained.</param>
/// <param name="Subject">Optional short title.</param>
/// <param name="Description">What happened, in the customer's words.</param>
/// <param name="OrderId">Optional order or reference id.</param>
/// <param name="Metadata">App and device details (app version, OS, device model…), string to string.</param>
/// <param name="SeverityHint">The sender's view of urgency; may raise the classified severity, never lower it.</param>
public sealed record ComplaintSubmission(
    string? ExternalId,
    Channel Channel,
    Customer Customer,
    string? Subject,
    string Description,
    string? OrderId,
    IReadOnlyDictionary<string, string> Metadata,
    Severity? SeverityHint);
