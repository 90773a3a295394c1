namespace ComplaintFlow.Core.Assignment;

/// <summary>Which agent of a team holds a complaint at tier 1.</summary>
public sealed record AgentAssignment(string ComplaintId, string Team, string AgentId);
