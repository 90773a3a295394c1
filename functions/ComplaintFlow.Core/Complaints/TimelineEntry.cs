namespace ComplaintFlow.Core.Complaints;

/// <summary>One thing that happened to a complaint.</summary>
/// <param name="Sequence">1-based position in the timeline.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Actor">Who did it: <c>system</c>, <c>customer</c>, or an agent id.</param>
/// <param name="Summary">A short description for people; no contact details.</param>
/// <param name="StepId">The workflow step that wrote it, so a step that runs twice writes once.</param>
/// <param name="Detail">
/// The words the entry is about — the question, the answer, the outcome proposed, the customer's comment, the reason
/// given — as their author wrote them, so a page in any language can show them beside the event's name (the
/// <paramref name="Summary"/> is an English line). Null for entries with nothing of the kind, and in older records.
/// </param>
public sealed record TimelineEntry(
    int Sequence,
    DateTimeOffset At,
    TimelineEventKind Kind,
    string Actor,
    string Summary,
    string? StepId,
    string? Detail = null);
