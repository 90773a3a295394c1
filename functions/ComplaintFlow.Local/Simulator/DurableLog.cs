using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Local.Simulator;

/// <summary>The runtime's log messages. They name instances, events and activities, never inputs or payloads (personal data).</summary>
internal static partial class DurableLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Durable runtime started; resuming {Count} unfinished instances")]
    public static partial void Started(ILogger logger, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Durable runtime stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Orchestration {InstanceId} ({Name}) scheduled")]
    public static partial void Scheduled(ILogger logger, string instanceId, string name);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Orchestration {InstanceId} {Status}")]
    public static partial void Finished(ILogger logger, string instanceId, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Orchestration {InstanceId} failed with {ErrorType}")]
    public static partial void Failed(ILogger logger, string instanceId, string? errorType);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Message {EventName} for orchestration {InstanceId} dropped: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string instanceId, string eventName, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Activity {ActivityName} of orchestration {InstanceId} failed on try {Attempt} with {ErrorType}")]
    public static partial void ActivityTryFailed(ILogger logger, string instanceId, string activityName, int attempt, string errorType);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Processing orchestration {InstanceId} failed; it is unloaded and resumes at the next start")]
    public static partial void ProcessingFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Orchestration {InstanceId} continued as new (generation {Generation})")]
    public static partial void ContinuedAsNew(ILogger logger, string instanceId, int generation);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Cleaning up after orchestration {InstanceId} failed; leftovers stay in the store")]
    public static partial void CleanupFailed(ILogger logger, string instanceId, Exception exception);
}
