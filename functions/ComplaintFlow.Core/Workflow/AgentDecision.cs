using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Workflow;

/// <summary>The agent's decision, raised when the agent submits the emailed decision page.</summary>
/// <param name="Kind">What the agent decided.</param>
/// <param name="AgentId">Who decided (the link's recipient).</param>
/// <param name="Generation">The <see cref="LinkGeneration"/> the link was issued for; a stale decision is ignored.</param>
/// <param name="Text">Resolution text, rejection explanation, question for the customer, or escalation reason.</param>
/// <param name="Compensation">Offered with a resolution.</param>
public sealed record AgentDecision(
    AgentDecisionKind Kind,
    string AgentId,
    int Generation,
    string? Text = null,
    Compensation Compensation = Compensation.None);
