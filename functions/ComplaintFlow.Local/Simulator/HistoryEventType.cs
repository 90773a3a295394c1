namespace ComplaintFlow.Local.Simulator;

/// <summary>What a <see cref="HistoryEvent"/> records, named as in the Durable Task Framework.</summary>
public enum HistoryEventType
{
    /// <summary>An episode began; its timestamp is the orchestration's <c>CurrentUtcDateTime</c> from here on.</summary>
    OrchestratorStarted,

    /// <summary>The generation started with the input in <see cref="HistoryEvent.Data"/>.</summary>
    ExecutionStarted,

    /// <summary>The orchestrator called an activity (<see cref="HistoryEvent.Name"/>, input in <see cref="HistoryEvent.Data"/>).</summary>
    TaskScheduled,

    /// <summary>An activity finished; its output is in <see cref="HistoryEvent.Data"/>.</summary>
    TaskCompleted,

    /// <summary>An activity failed on every try (<see cref="HistoryEvent.ErrorType"/>, <see cref="HistoryEvent.ErrorMessage"/>).</summary>
    TaskFailed,

    /// <summary>The orchestrator created a durable timer for <see cref="HistoryEvent.FireAt"/>.</summary>
    TimerCreated,

    /// <summary>A timer fired.</summary>
    TimerFired,

    /// <summary>An external event (<see cref="HistoryEvent.Name"/>, payload in <see cref="HistoryEvent.Data"/>) reached the instance.</summary>
    EventRaised,

    /// <summary>
    /// The orchestrator sent an event (<see cref="HistoryEvent.Name"/>, payload in <see cref="HistoryEvent.Data"/>) to the
    /// instance <see cref="HistoryEvent.TargetInstanceId"/>.
    /// </summary>
    EventSent,

    /// <summary>The orchestrator returned; its output is in <see cref="HistoryEvent.Data"/>.</summary>
    ExecutionCompleted,

    /// <summary>The orchestrator threw, or replay found it non-deterministic.</summary>
    ExecutionFailed,

    /// <summary>A client terminated the instance; the output it gave is in <see cref="HistoryEvent.Data"/>.</summary>
    ExecutionTerminated,
}
