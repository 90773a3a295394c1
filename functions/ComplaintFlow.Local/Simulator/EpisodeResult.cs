using Microsoft.DurableTask;

namespace ComplaintFlow.Local.Simulator;

/// <summary>An activity the orchestrator is waiting for: scheduled, not yet completed or failed.</summary>
internal sealed record OpenActivity(int TaskId, string Name, string? Input, RetryPolicy? Retry);

/// <summary>A timer the orchestrator is waiting for: created, not fired, not cancelled.</summary>
internal sealed record OpenTimer(int TaskId, DateTimeOffset FireAt);

/// <summary>What one episode decided.</summary>
/// <param name="Status">Running, Completed, Failed or ContinuedAsNew.</param>
/// <param name="AppendedEvents">History to append (the episode's messages, new actions and any final event).</param>
/// <param name="UnprocessedEvents">Messages the episode did not reach because the generation ended first.</param>
/// <param name="Output">The JSON output when completed.</param>
/// <param name="FailureDetails">"Type: message" when failed.</param>
/// <param name="CustomStatus">The JSON custom status after the episode.</param>
/// <param name="OpenActivities">Activities the orchestrator waits for.</param>
/// <param name="OpenTimers">Timers the orchestrator waits for.</param>
/// <param name="ContinueAsNewInput">The next generation's JSON input.</param>
/// <param name="CarriedEvents">Events for the next generation (ContinueAsNew with preserveUnprocessedEvents).</param>
internal sealed record EpisodeResult(
    EpisodeStatus Status,
    IReadOnlyList<HistoryEvent> AppendedEvents,
    IReadOnlyList<HistoryEvent> UnprocessedEvents,
    string? Output,
    string? FailureDetails,
    string? CustomStatus,
    IReadOnlyList<OpenActivity> OpenActivities,
    IReadOnlyList<OpenTimer> OpenTimers,
    string? ContinueAsNewInput,
    IReadOnlyList<HistoryEvent> CarriedEvents);

/// <summary>Where an episode left its generation.</summary>
internal enum EpisodeStatus
{
    Running,
    Completed,
    Failed,
    ContinuedAsNew,
}
