using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Records the customer's answer: satisfied closes the complaint, not satisfied reopens it one tier up.</summary>
public sealed class RecordVerdict(ComplaintUpdater complaints, SlaOptions options, TimeProvider time) : IActivity<VerdictInput, VerdictResult>
{
    public async Task<VerdictResult> RunAsync(VerdictInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var answer = input.Confirmation;
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c => c.RecordVerdict(new CustomerVerdict(answer.Satisfied, answer.Rating, answer.Comment, time.GetUtcNow()), input.StepId),
            cancellationToken);
        var closed = complaint.Status == ComplaintStatus.Closed;
        var reopenings = complaint.Round - 1;
        return new VerdictResult(closed, complaint.Round, !closed && reopenings >= options.MaxReopenings);
    }
}
