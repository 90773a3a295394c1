namespace ComplaintFlow.Infrastructure.Links;

/// <summary>What an emailed action link lets its recipient do. Stored in tokens as a byte: append only.</summary>
public enum ActionPurpose
{
    /// <summary>The assigned agent (or team lead, or manager) decides: resolve, reject, ask, escalate, reassign.</summary>
    AgentDecision = 1,

    /// <summary>The customer confirms the resolution (satisfied, with a rating) or rejects it.</summary>
    CustomerConfirmation = 2,

    /// <summary>The customer answers the agent's request for more information.</summary>
    CustomerInformation = 3,
}
