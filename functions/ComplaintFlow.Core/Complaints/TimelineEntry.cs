namespace ComplaintFlow.Core.Complaints;

/// <summary>One thing that happened to a complaint.</summary>
/// <param name="Sequence">1-based position in the timeline.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Actor">Who did it: <c>system</c>, <c>customer</c>, or an agent id.</param>
/// <param name="Summary">A short description for people; no contact details.</param>
/// <param name="StepId">The workflow step that wrote it, so a step that runs twice writes once.</param>
public sealed record TimelineEntry(
    int Sequence,
    DateTimeOffset At,
    TimelineEventKind Kind,
    string Actor,
    string Summary,
    string? StepId);
