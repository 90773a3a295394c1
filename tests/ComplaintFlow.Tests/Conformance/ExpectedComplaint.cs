using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>How one complaint of a scenario must end, written once for every runtime.</summary>
/// <param name="Outcome">The workflow's outcome; <see cref="ComplaintOutcome.None"/> for a complaint still with an agent when the scenario ends.</param>
/// <param name="Status">The stored record's status.</param>
/// <param name="Timeline">Every timeline entry's kind, in order.</param>
/// <param name="Emails">Every email about the complaint, in the order sent.</param>
public sealed record ExpectedComplaint(ComplaintOutcome Outcome, ComplaintStatus Status, IReadOnlyList<TimelineEventKind> Timeline, IReadOnlyList<Mail> Emails);
