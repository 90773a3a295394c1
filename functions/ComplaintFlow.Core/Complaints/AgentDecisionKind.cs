namespace ComplaintFlow.Core.Complaints;

/// <summary>What an agent can decide through the emailed link.</summary>
public enum AgentDecisionKind
{
    Resolve,
    Reject,
    RequestInfo,
    Escalate,
    Reassign,
}
