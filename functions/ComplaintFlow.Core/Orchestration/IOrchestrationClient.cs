namespace ComplaintFlow.Core.Orchestration;

/// <summary>Starts and talks to orchestration instances: our port of Durable's <c>DurableTaskClient</c>.</summary>
public interface IOrchestrationClient
{
    /// <summary>
    /// Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/>. Idempotent: when that id exists in any
    /// state, nothing is restarted or terminated, and the call returns normally.
    /// </summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Delivers an event; it is buffered until the instance waits for it. Dropped for unknown or finished instances.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    /// <summary>The instance's state, or null when there is no such instance.</summary>
    Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Instances, optionally only those in the given statuses.</summary>
    IAsyncEnumerable<OrchestrationState> GetAllInstancesAsync(IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses = null, CancellationToken cancellationToken = default);

    /// <summary>Completes when the instance has finished (completed, failed or terminated).</summary>
    Task<OrchestrationState> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Stops a running instance; it will run no more code.</summary>
    Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance's state and history. False when there was nothing to delete.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}
