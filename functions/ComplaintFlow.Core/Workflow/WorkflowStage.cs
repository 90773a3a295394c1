namespace ComplaintFlow.Core.Workflow;

/// <summary>The stage shown in the orchestration's custom status.</summary>
public enum WorkflowStage
{
    Verifying,
    WaitingForCustomerInformation,
    Assigning,
    WaitingForAgent,
    WaitingForCustomerConfirmation,
    Closed,
}
