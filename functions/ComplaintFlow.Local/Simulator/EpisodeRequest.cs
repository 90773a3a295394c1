using Microsoft.DurableTask;

namespace ComplaintFlow.Local.Simulator;

/// <summary>The input of one episode: the recorded history to replay and the new messages to apply after it.</summary>
internal sealed record EpisodeRequest(
    string InstanceId,
    string Name,
    int Generation,
    Func<TaskOrchestrationContext, string?, Task<string?>>? Orchestrator,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<HistoryEvent> NewEvents,
    string? PreviousCustomStatus,
    ILoggerFactory LoggerFactory);
