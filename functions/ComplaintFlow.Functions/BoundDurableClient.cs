using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Functions;

/// <summary>
/// The <see cref="DurableTaskClient"/> the shared services are built with. Durable Functions hands its client only to a
/// function's <c>[DurableClient]</c> parameter (it carries the host's gRPC address), so every function that reaches the
/// shared services binds it here first; this client forwards to it.
/// </summary>
public sealed class BoundDurableClient() : DurableTaskClient("ComplaintFlow")
{
    private DurableTaskClient? _bound;

    public void Bind(DurableTaskClient client) => _bound = client ?? throw new ArgumentNullException(nameof(client));

    private DurableTaskClient Bound => Volatile.Read(ref _bound)
        ?? throw new InvalidOperationException("No function has bound the Durable client yet; take a [DurableClient] parameter and call Bind first.");

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Bound.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Bound.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Bound.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Bound.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Bound.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Bound.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Bound.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Bound.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => Bound.GetAllInstancesAsync(filter);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Bound.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Bound.PurgeAllInstancesAsync(filter, options, cancellation);

    // The bound client belongs to Durable Functions, which disposes it.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
