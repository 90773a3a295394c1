using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Checks content, reasonableness, duplicates and abuse; restricts a customer rejected for a burst.</summary>
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
    public async Task<VerificationResult> RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.GetAsync(input.ComplaintId, cancellationToken);
        if (complaint.Status == ComplaintStatus.Received)
        {
            complaint = await complaints.UpdateAsync(input.ComplaintId, input.StepId, c => c.BeginVerification(time.GetUtcNow(), input.StepId), cancellationToken);
        }

        var fingerprint = TextFingerprint.Of(complaint.Description);
        await index.RecordAsync(new ComplaintIndexEntry(complaint.Id.Value, complaint.Customer.Id, complaint.ReceivedAt, fingerprint, complaint.OrderId), cancellationToken);

        var longest = new[] { options.BurstWindow, options.DuplicateWindow }.Max();
        var sameCustomer = (await index.RecentByCustomerAsync(complaint.Customer.Id, complaint.ReceivedAt - longest, cancellationToken))
            .Where(e => e.ComplaintId != complaint.Id.Value)
            .ToList();
        var sameText = (await index.RecentByTextAsync(fingerprint, complaint.ReceivedAt - options.SameTextWindow, cancellationToken))
            .Where(e => e.ComplaintId != complaint.Id.Value)
            .ToList();

        var open = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in sameCustomer.Where(e => e.ReceivedAt <= complaint.ReceivedAt).Take(20))
        {
            if (ComplaintId.TryParse(candidate.ComplaintId, out var candidateId)
                && await store.FindAsync(candidateId, cancellationToken) is { Complaint.IsFinished: false } found)
            {
                open.Add(candidate.ComplaintId);
                if (found.Complaint.Category is not null)
                {
                    accepted.Add(candidate.ComplaintId); // classified: it passed verification before this one began
                }
            }
        }

        var classification = classifier.Classify(complaint.Subject, string.Join('\n', [complaint.Description, .. complaint.AddedInformation()]), complaint.SeverityHint);
        var asked = complaint.Timeline.Count(e => e.Kind == TimelineEventKind.InformationRequested);
        var lifted = await restrictions.LastLiftedAsync(complaint.Customer.Id, cancellationToken);
        var result = policy.Decide(complaint, classification, sameCustomer, open, accepted, sameText, asked, lifted);

        if (result.RestrictCustomer)
        {
            var now = time.GetUtcNow();
            await restrictions.RestrictAsync(complaint.Customer.Id, result.Reason ?? "Abuse", now, now + options.RestrictionPeriod, cancellationToken);
        }

        return result;
    }
}
