using System.Text.Json;

namespace ComplaintFlow.Core.Orchestration;

/// <summary>What a client can read about an instance (Durable's <c>OrchestrationMetadata</c>).</summary>
public sealed record OrchestrationState(
    string InstanceId,
    string Name,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    string? FailureDetails)
{
    /// <summary>True once the instance has completed, failed or been terminated.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>The custom status, read as <typeparamref name="T"/>.</summary>
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    /// <summary>The output, read as <typeparamref name="T"/>.</summary>
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    /// <summary>The input, read as <typeparamref name="T"/>.</summary>
    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    private static T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
}
