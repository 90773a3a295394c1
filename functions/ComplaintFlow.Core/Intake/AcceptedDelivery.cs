using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// A delivery that intake accepted: the one row written before the sender gets its 202, with the answer it got and,
/// until the complaint is recorded, the submission to record it from (again, after a crash).
/// </summary>
/// <param name="Key">The delivery key (<c>webhook</c> + <c>webhook-id</c>, or <c>queue</c> + message id).</param>
/// <param name="ComplaintId">The id the sender was given.</param>
/// <param name="Fingerprint">The <see cref="RequestFingerprint"/> of the body, to tell a repeat from a reused key.</param>
/// <param name="ReceivedAt">When the delivery was accepted.</param>
/// <param name="FirstResponseDue">The first-response deadline the sender was told.</param>
/// <param name="Submission">The validated complaint; dropped once recorded (the complaint record holds it), so no personal data stays here.</param>
/// <param name="RecordedAs">
/// Null while the complaint is still to be recorded; then <paramref name="ComplaintId"/>, or the earlier complaint the
/// same <c>externalId</c> was recorded as.
/// </param>
public sealed record AcceptedDelivery(
    IntakeKey Key,
    ComplaintId ComplaintId,
    string Fingerprint,
    DateTimeOffset ReceivedAt,
    DateTimeOffset FirstResponseDue,
    ComplaintSubmission? Submission,
    ComplaintId? RecordedAs = null)
{
    /// <summary>True once the complaint is recorded and its workflow started.</summary>
    public bool IsRecorded => RecordedAs is not null;

    /// <summary>True when <paramref name="fingerprint"/> is this delivery's body: a repeat, not a reused key.</summary>
    public bool IsSameRequest(string fingerprint) => string.Equals(Fingerprint, fingerprint, StringComparison.Ordinal);

    /// <summary>The delivery as it stays once recorded: the answer and where it led, without the submission.</summary>
    public AcceptedDelivery Recorded(ComplaintId recordedAs) => this with { Submission = null, RecordedAs = recordedAs };
}
