namespace ComplaintFlow.Local.Simulator;

/// <summary>What an instance's work queue holds.</summary>
internal enum WorkItemKind
{
    /// <summary>Load the instance from the store and resume it.</summary>
    Load,

    /// <summary>A client's stored message (<see cref="WorkItem.PendingKey"/>): an external event or a termination.</summary>
    Message,

    /// <summary>An activity finished (TaskCompleted or TaskFailed) for <see cref="WorkItem.Generation"/>.</summary>
    ActivityResult,

    /// <summary>A timer of <see cref="WorkItem.Generation"/> is due.</summary>
    TimerFired,
}

/// <summary>One entry of an instance's in-memory work queue.</summary>
internal sealed record WorkItem(WorkItemKind Kind, HistoryEvent? Event = null, int Generation = 0, string? PendingKey = null)
{
    public static WorkItem Load { get; } = new(WorkItemKind.Load);

    public static WorkItem Message(PendingMessage message) => new(WorkItemKind.Message, message.Event, PendingKey: message.Key);
}
