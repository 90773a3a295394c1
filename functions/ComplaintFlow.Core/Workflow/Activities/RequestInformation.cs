using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Asks the customer a question with an "add information" link; the SLA clock pauses until the answer.</summary>
public sealed class RequestInformation(ComplaintUpdater complaints, ComplaintMailer mailer, SlaOptions options, TimeProvider time)
    : IActivity<InformationRequestInput, InformationRequestResult>
{
    public async Task<InformationRequestResult> RunAsync(InformationRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(input.ComplaintId, input.StepId, c => c.RequestInformation(input.Question, input.Actor, time.GetUtcNow(), input.StepId), cancellationToken);
        var asked = ComplaintUpdater.WhenApplied(complaint, input.StepId, time.GetUtcNow());
        var model = mailer.ModelFor(complaint, complaint.Customer.Name) with { Question = input.Question, Links = mailer.InformationLinks(complaint) };
        await mailer.ToCustomerAsync(complaint, EmailKind.InformationRequest, input.StepId, model, cancellationToken);
        return new InformationRequestResult((asked + options.CustomerInfoTimeout).UtcDateTime, LinkGeneration.ForAssignment(complaint));
    }
}
