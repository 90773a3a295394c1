using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Workflow;

/// <summary>How a complaint's orchestration ended.</summary>
public sealed record ComplaintWorkflowResult(string ComplaintId, ComplaintOutcome Outcome, int Round);
