using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Core.Orchestration;

/// <summary>Starting instances the way a complaint needs: once per id, whatever the backend does with an id it has seen.</summary>
public static class DurableTaskClientExtensions
{
    private static readonly OrchestrationRuntimeStatus[] EveryStatus =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>
    /// Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/> unless an instance with that id exists in
    /// any state. Durable replaces a finished instance that is started again, and refuses one that is running (the gRPC
    /// client throws <see cref="OrchestrationAlreadyExistsException"/>); neither may happen to a complaint, so an existing id is left alone.
    /// Returns false when the instance existed.
    /// </summary>
    public static async Task<bool> StartOnceAsync(this DurableTaskClient client, TaskName orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            // Dedupe on every status, so a start racing another one is refused by the backend too, not replaced.
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(EveryStatus);
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started by someone else between the read and the start (another recorder, a sweep).
            return false;
        }
    }
}
