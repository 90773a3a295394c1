namespace ComplaintFlow.Core.Workflow;

/// <summary>The orchestration's custom status: where the complaint is and what it waits for.</summary>
public sealed record ComplaintWorkflowStatus(
    WorkflowStage Stage,
    int Round,
    int Tier,
    DateTime? FirstResponseDue = null,
    DateTime? ResolutionDue = null,
    DateTime? WaitingUntil = null);
