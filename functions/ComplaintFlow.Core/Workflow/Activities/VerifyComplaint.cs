using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// Checks content, reasonableness, duplicates and abuse; restricts a customer rejected for a burst. A complaint that
/// goes ahead becomes one of the customer's originals by a write conditional on what the decision was made from: when
/// another complaint of the customer's got there first (a burst of duplicates verified in parallel), the decision is
/// made again on what is there now, so every repeat merges into the one original that won.
/// </summary>
public sealed class VerifyComplaint(
    ComplaintUpdater complaints,
    IComplaintStore store,
    IComplaintIndex index,
    IRestrictionStore restrictions,
    Classifier classifier,
    VerificationPolicy policy,
    VerificationOptions options,
    TimeProvider time) : IActivity<StepInput, VerificationResult>
{
    /// <summary>Decisions made again because another complaint changed the originals first; each lost race means one that won.</summary>
    private const int MaxAttempts = 50;

    /// <summary>How many of the originals it might repeat are looked up to see whether they are still open.</summary>
    private const int MaxCandidates = 20;

    public async Task<VerificationResult> RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.GetAsync(input.ComplaintId, cancellationToken);
        if (complaint.Status == ComplaintStatus.Received)
        {
            complaint = await complaints.UpdateAsync(input.ComplaintId, input.StepId, c => c.BeginVerification(time.GetUtcNow(), input.StepId), cancellationToken);
        }

        var entry = new ComplaintIndexEntry(complaint.Id.Value, complaint.Customer.Id, complaint.ReceivedAt, TextFingerprint.Of(complaint.Description), complaint.OrderId);
        await index.RecordAsync(entry, cancellationToken);
        var sameText = (await index.RecentByTextAsync(entry.TextFingerprint, complaint.ReceivedAt - options.SameTextWindow, cancellationToken))
            .Where(e => e.ComplaintId != entry.ComplaintId)
            .ToList();
        var classification = classifier.Classify(complaint.Subject, string.Join('\n', [complaint.Description, .. complaint.AddedInformation()]), complaint.SeverityHint);
        var asked = complaint.Timeline.Count(e => e.Kind == TimelineEventKind.InformationRequested);
        var lifted = await restrictions.LastLiftedAsync(complaint.Customer.Id, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var originals = await index.OriginalsAsync(complaint.Customer.Id, cancellationToken);
            var open = await OpenAsync(policy.RepeatCandidates(complaint, originals.Entries), cancellationToken);
            var result = policy.Decide(complaint, classification, originals, open, sameText, asked, lifted);
            var goesAhead = result.Decision is VerificationDecision.Accept or VerificationDecision.AskForInformation;
            if (!goesAhead || originals.Contains(entry.ComplaintId) || await index.TryAddOriginalAsync(originals, entry, time.GetUtcNow() - Longest, cancellationToken))
            {
                if (result.RestrictCustomer)
                {
                    var now = time.GetUtcNow();
                    await restrictions.RestrictAsync(complaint.Customer.Id, result.Reason ?? "Abuse", now, now + options.RestrictionPeriod, cancellationToken);
                }

                return result;
            }

            if (attempt == MaxAttempts)
            {
                throw new ConcurrencyConflictException($"Complaint {entry.ComplaintId}: the customer's originals kept changing during verification; the step is retried.");
            }
        }
    }

    /// <summary>How long an original matters: for repeats and for bursts.</summary>
    private TimeSpan Longest => options.DuplicateWindow > options.BurstWindow ? options.DuplicateWindow : options.BurstWindow;

    private async Task<HashSet<string>> OpenAsync(IReadOnlyList<ComplaintIndexEntry> candidates, CancellationToken cancellationToken)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates.Take(MaxCandidates))
        {
            if (ComplaintId.TryParse(candidate.ComplaintId, out var id) && await store.FindAsync(id, cancellationToken) is { Complaint.IsFinished: false })
            {
                open.Add(candidate.ComplaintId);
            }
        }

        return open;
    }
}
