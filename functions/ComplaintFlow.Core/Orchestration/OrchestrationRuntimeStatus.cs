namespace ComplaintFlow.Core.Orchestration;

/// <summary>Where an orchestration instance is, as Durable reports it.</summary>
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    ContinuedAsNew,
    Failed,
    Terminated,
}
