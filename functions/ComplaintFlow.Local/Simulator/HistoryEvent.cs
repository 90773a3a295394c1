namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// One entry of an instance's event-sourced history. Payloads (<see cref="Data"/>) are JSON written with
/// <c>WorkflowJson.Options</c>; they may hold personal data and are never logged.
/// </summary>
/// <param name="Type">What happened.</param>
/// <param name="Timestamp">When the runtime recorded it.</param>
public sealed record HistoryEvent(HistoryEventType Type, DateTimeOffset Timestamp)
{
    /// <summary>The action's sequence number for activities and timers (the same on every replay); -1 otherwise.</summary>
    public int TaskId { get; init; } = -1;

    /// <summary>The orchestrator, activity or event name.</summary>
    public string? Name { get; init; }

    /// <summary>The JSON input, output or event payload.</summary>
    public string? Data { get; init; }

    /// <summary>The instance an <see cref="HistoryEventType.EventSent"/> went to.</summary>
    public string? TargetInstanceId { get; init; }

    /// <summary>When a timer is due.</summary>
    public DateTimeOffset? FireAt { get; init; }

    /// <summary>The full name of the exception type, for failures.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The exception message, for failures.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>True for the events that end an instance.</summary>
    public bool IsTerminal => Type is HistoryEventType.ExecutionCompleted or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTerminated;
}
