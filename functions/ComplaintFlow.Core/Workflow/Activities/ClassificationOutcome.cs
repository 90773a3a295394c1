using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.ClassifyComplaint"/>.</summary>
public sealed record ClassificationOutcome(Category Category, Severity Severity);
