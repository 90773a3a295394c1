using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Closes a repeat complaint into the customer's open original, whose priority goes up.</summary>
public sealed class MergeComplaint(ComplaintUpdater complaints, TimeProvider time) : IActivity<MergeInput, bool>
{
    public async Task<bool> RunAsync(MergeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var original = ComplaintId.Parse(input.OriginalComplaintId);
        var repeat = ComplaintId.Parse(input.ComplaintId);
        var registered = true;
        try
        {
            await complaints.UpdateAsync(input.OriginalComplaintId, input.StepId, c => c.RegisterRepeat(repeat, time.GetUtcNow(), input.StepId), cancellationToken);
        }
        catch (ComplaintStateException)
        {
            registered = false; // the original closed meanwhile; the repeat is still merged and points at it
        }

        await complaints.UpdateAsync(input.ComplaintId, input.StepId, c => c.MergeInto(original, time.GetUtcNow(), input.StepId), cancellationToken);
        return registered;
    }
}
