namespace ComplaintFlow.Core.Workflow;

/// <summary>What a complaint's orchestration starts (or continues as new) with.</summary>
/// <param name="ComplaintId">The complaint, already recorded by intake; also the instance id.</param>
/// <param name="Round">1 for a new complaint; each "not satisfied" continues the orchestration as new with the next round.</param>
public sealed record ComplaintWorkflowInput(string ComplaintId, int Round = 1);
