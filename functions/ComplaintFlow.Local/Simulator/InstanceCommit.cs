namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// What one episode changes: history events appended to <see cref="Instance"/>'s generation from
/// <see cref="FirstSequence"/> on, the pending messages it consumed, and the new instance record.
/// When the generation differs from the stored one (ContinueAsNew), the history of the earlier generation is discarded.
/// </summary>
/// <param name="Instance">The new record; its <see cref="InstanceRecord.ETag"/> is the version the commit expects to replace.</param>
/// <param name="FirstSequence">The position of the first new event in the generation's history.</param>
/// <param name="NewEvents">Events to append, in order.</param>
/// <param name="ConsumedPendingKeys">Pending messages to delete together with the append.</param>
public sealed record InstanceCommit(
    InstanceRecord Instance,
    int FirstSequence,
    IReadOnlyList<HistoryEvent> NewEvents,
    IReadOnlyList<string> ConsumedPendingKeys);
