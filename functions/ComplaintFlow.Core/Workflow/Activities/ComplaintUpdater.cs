using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// Read-change-save of one complaint for activities: skips the change when the step already wrote it (an activity
/// running a second time), and on a lost race (someone saved in between) reads again and re-applies the change.
/// Either way the complaint's statistics facts are recorded afterwards, so a step that saved and then failed records
/// them when it runs again.
/// </summary>
public sealed class ComplaintUpdater(IComplaintStore store, ComplaintStatistics statistics)
{
    private const int MaxAttempts = 8;

    public async Task<Complaint> GetAsync(string complaintId, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(ComplaintId.Parse(complaintId), cancellationToken);
        return loaded?.Complaint ?? throw new InvalidOperationException($"Complaint {complaintId} does not exist.");
    }

    /// <summary>Applies <paramref name="change"/> (which must write a timeline entry with <paramref name="stepId"/>) once.</summary>
    public async Task<Complaint> UpdateAsync(string complaintId, string stepId, Action<Complaint> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var id = ComplaintId.Parse(complaintId);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Complaint {complaintId} does not exist.");
            var complaint = loaded.Complaint;
            if (complaint.HasApplied(stepId))
            {
                await statistics.RecordAsync(complaint, cancellationToken);
                return complaint;
            }

            change(complaint);
            try
            {
                await store.SaveAsync(complaint, loaded.Version, cancellationToken);
                await statistics.RecordAsync(complaint, cancellationToken);
                return complaint;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else saved first; read their version and apply the change again.
            }
        }
    }

    /// <summary>When the step's timeline entry was written (its effective time, the same on every re-run).</summary>
    public static DateTimeOffset WhenApplied(Complaint complaint, string stepId, DateTimeOffset fallback)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Timeline.FirstOrDefault(e => e.StepId == stepId)?.At ?? fallback;
    }
}
