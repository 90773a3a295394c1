namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// A client's message (an external event or a termination) stored durably until an episode consumes it.
/// <paramref name="Key"/> orders the messages of one instance and names the row to delete on commit.
/// </summary>
public sealed record PendingMessage(string Key, HistoryEvent Event);
