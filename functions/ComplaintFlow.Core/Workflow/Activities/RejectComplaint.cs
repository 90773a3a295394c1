using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Refuses a complaint at verification: kept with its reason, and the customer is told.</summary>
public sealed class RejectComplaint(ComplaintUpdater complaints, ComplaintMailer mailer, TimeProvider time) : IActivity<ReasonInput, bool>
{
    public async Task<bool> RunAsync(ReasonInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(input.ComplaintId, input.StepId, c => c.Reject(input.Reason, time.GetUtcNow(), input.StepId), cancellationToken);
        var model = mailer.ModelFor(complaint, complaint.Customer.Name) with { Reason = input.Reason };
        return await mailer.ToCustomerAsync(complaint, EmailKind.IntakeRejection, input.StepId, model, cancellationToken);
    }
}
