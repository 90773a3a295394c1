using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Local.Simulator;

/// <summary>The stored summary of one orchestration instance (one row of the instances table).</summary>
public sealed record InstanceRecord(
    string InstanceId,
    string Name,
    OrchestrationRuntimeStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    /// <summary>The current generation's JSON input.</summary>
    public string? Input { get; init; }

    /// <summary>The JSON output, once finished.</summary>
    public string? Output { get; init; }

    /// <summary>The JSON custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>"Type: message" of what failed the instance.</summary>
    public string? FailureDetails { get; init; }

    /// <summary>Incremented by every <c>ContinueAsNew</c>; history is kept per generation.</summary>
    public int Generation { get; init; }

    /// <summary>The store's version of this record; a commit must present it (optimistic concurrency).</summary>
    public string? ETag { get; init; }

    /// <summary>True once completed, failed or terminated.</summary>
    public bool IsFinished => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
