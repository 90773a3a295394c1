using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Adds the customer's answer to the complaint; when an agent had asked, resumes the SLA clock with the time left.</summary>
public sealed class RecordInformation(ComplaintUpdater complaints, SlaPolicy sla, TimeProvider time) : IActivity<InformationInput, SlaSchedule?>
{
    public async Task<SlaSchedule?> RunAsync(InformationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pausedAt = new DateTimeOffset(DateTime.SpecifyKind(input.PausedAt, DateTimeKind.Utc));
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c =>
            {
                var now = time.GetUtcNow();
                c.ProvideInformation(input.Information, now, input.StepId);
                if (input.Paused is { } paused && c.Status == ComplaintStatus.Assigned)
                {
                    var resumed = sla.Resume(paused.ToDeadlines(c.Severity!.Value), pausedAt, now);
                    c.ResumeSla(resumed.FirstResponse.Due, resumed.Resolution.Due, now, input.StepId);
                }
            },
            cancellationToken);
        if (input.Paused is not { } schedule || complaint.Status != ComplaintStatus.Assigned)
        {
            return null;
        }

        var answeredAt = ComplaintUpdater.WhenApplied(complaint, input.StepId, time.GetUtcNow());
        return sla.Resume(schedule.ToDeadlines(complaint.Severity!.Value), pausedAt, answeredAt).ToSchedule(firstResponseDone: true);
    }
}
