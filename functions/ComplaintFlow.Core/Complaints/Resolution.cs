namespace ComplaintFlow.Core.Complaints;

/// <summary>The outcome an agent proposed to the customer: a resolution, or a reasoned rejection.</summary>
/// <param name="Kind"><see cref="AgentDecisionKind.Resolve"/> or <see cref="AgentDecisionKind.Reject"/>.</param>
/// <param name="Text">What the customer reads.</param>
/// <param name="Compensation">Offered with a resolution; <see cref="Compensation.None"/> with a rejection.</param>
/// <param name="DecidedBy">The agent's id.</param>
/// <param name="DecidedAt">When.</param>
public sealed record Resolution(
    AgentDecisionKind Kind,
    string Text,
    Compensation Compensation,
    string DecidedBy,
    DateTimeOffset DecidedAt);
