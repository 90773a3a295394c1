using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// Accepts a validated submission from any channel with one conditional write (the delivery, keyed by its delivery
/// key) and hands it to the <see cref="DeliveryRecorder"/>, which stores the complaint and starts its orchestration
/// after the sender has its answer. A repeat delivery, or a concurrent duplicate, reads the first one back and gets
/// the same answer; a key reused with another body is refused; a restricted customer is refused before anything is written.
/// The receipt's first-response deadline comes from the severity the workflow will give the complaint: the classifier
/// is pure and fast, so intake runs it on the same text and hint (the workflow starts the clock later, never earlier).
/// </summary>
public sealed class ComplaintIntake(
    IDeliveryLedger ledger,
    IRestrictionStore restrictions,
    IDeliveryHandoff handoff,
    Classifier classifier,
    SlaPolicy sla,
    TimeProvider time)
{
    public async Task<IntakeOutcome> AcceptAsync(ComplaintSubmission submission, IntakeKey key, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();

        if (await restrictions.FindActiveAsync(submission.Customer.Id, now, cancellationToken) is { } restriction)
        {
            // A repeat of a delivery accepted before the restriction still gets the answer it got then.
            return await ledger.FindAsync(key, cancellationToken) is { } earlier
                ? await AnswerRepeatAsync(earlier, fingerprint, cancellationToken)
                : new IntakeOutcome(IntakeOutcomeKind.Restricted, Restriction: restriction);
        }

        var severity = classifier.Classify(submission.Subject, submission.Description, submission.SeverityHint).Severity;
        var firstResponseDue = sla.Start(severity, now).FirstResponse.Due;
        var delivery = new AcceptedDelivery(key, ComplaintId.New(now), fingerprint, now, firstResponseDue, submission);
        if (await ledger.TryAcceptAsync(delivery, cancellationToken) is { } first)
        {
            return await AnswerRepeatAsync(first, fingerprint, cancellationToken);
        }

        await handoff.HandOffAsync(delivery, cancellationToken);
        return new IntakeOutcome(IntakeOutcomeKind.Accepted, Receipt(delivery));
    }

    private async Task<IntakeOutcome> AnswerRepeatAsync(AcceptedDelivery first, string fingerprint, CancellationToken cancellationToken)
    {
        if (!first.IsSameRequest(fingerprint))
        {
            return new IntakeOutcome(IntakeOutcomeKind.KeyReusedWithOtherBody);
        }

        // The sender retried: if the first delivery is still unrecorded here (say a crash came between), record it now.
        if (!first.IsRecorded && handoff.FindWaiting(first.ComplaintId) is null)
        {
            await handoff.HandOffAsync(first, cancellationToken);
        }

        return new IntakeOutcome(IntakeOutcomeKind.Accepted, Receipt(first), IsRepeat: true);
    }

    /// <summary>The answer for <paramref name="delivery"/>; the same every time it is asked for.</summary>
    private static IntakeReceipt Receipt(AcceptedDelivery delivery) =>
        new(delivery.ComplaintId.Value, nameof(ComplaintStatus.Received), $"/api/complaints/{delivery.ComplaintId.Value}", delivery.FirstResponseDue);
}
