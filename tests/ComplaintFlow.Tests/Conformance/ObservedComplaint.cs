using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Complaints;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>How one complaint of a scenario ended on one runtime: the instance, the stored record and the outbox.</summary>
/// <param name="Instance">The orchestration instance's status.</param>
/// <param name="WorkflowOutcome">The orchestration's output (<see cref="ComplaintOutcome.None"/> while it runs).</param>
/// <param name="Status">The record's status.</param>
/// <param name="Outcome">The record's outcome.</param>
/// <param name="Round">The record's round.</param>
/// <param name="Tier">The record's escalation tier.</param>
/// <param name="Timeline">The kinds of the record's timeline entries, in order.</param>
/// <param name="Emails">The outbox's emails about the complaint, oldest first.</param>
/// <param name="Details">The timeline with times and summaries, for a failure message; not compared.</param>
public sealed record ObservedComplaint(
    OrchestrationRuntimeStatus Instance,
    ComplaintOutcome WorkflowOutcome,
    ComplaintStatus Status,
    ComplaintOutcome Outcome,
    int Round,
    int Tier,
    IReadOnlyList<TimelineEventKind> Timeline,
    IReadOnlyList<Mail> Emails,
    string Details)
{
    /// <summary>Everything compared between runtimes, one fact a line, so a difference reads as a diff.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"instance {Instance}, workflow outcome {WorkflowOutcome}");
        text.AppendLine(CultureInfo.InvariantCulture, $"record {Status}, outcome {Outcome}, round {Round}, tier {Tier}");
        text.AppendLine("timeline: " + string.Join(", ", Timeline));
        text.AppendLine("emails: " + string.Join(", ", Emails));
        return text.ToString();
    }
}
