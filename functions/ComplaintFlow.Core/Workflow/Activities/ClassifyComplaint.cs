using ComplaintFlow.Core.Classification;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Sets category and severity from the text (Chinese and English rules), with the reason.</summary>
public sealed class ClassifyComplaint(ComplaintUpdater complaints, Classifier classifier, TimeProvider time) : IActivity<StepInput, ClassificationOutcome>
{
    public async Task<ClassificationOutcome> RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await complaints.UpdateAsync(
            input.ComplaintId,
            input.StepId,
            c =>
            {
                var result = classifier.Classify(c.Subject, c.Description, c.SeverityHint);
                c.Classify(result.Category, result.Severity, result.Reason, time.GetUtcNow(), input.StepId);
            },
            cancellationToken);
        return new ClassificationOutcome(complaint.Category!.Value, complaint.Severity!.Value);
    }
}
