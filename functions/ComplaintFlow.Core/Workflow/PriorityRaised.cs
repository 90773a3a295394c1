namespace ComplaintFlow.Core.Workflow;

/// <summary>
/// Sent by a repeat complaint's workflow to its original's once the repeat is merged: the original's priority may have
/// gone up, so its remaining deadlines are recomputed.
/// </summary>
/// <param name="RepeatComplaintId">The repeat that was merged.</param>
public sealed record PriorityRaised(string RepeatComplaintId);
