using System.Text.Json;
using ComplaintFlow.Core.Orchestration;
using Microsoft.DurableTask;

namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// The orchestrators and activities the local runtime can run, by name (case-insensitive, as in Durable).
/// Inputs and outputs cross the registry as JSON written with <see cref="WorkflowJson.Options"/>, so they round-trip
/// exactly as they would through Durable Functions.
/// </summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, Func<TaskOrchestrationContext, string?, Task<string?>>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<string?, CancellationToken, Task<string?>>> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator; its input is read from JSON and its output written as JSON.</summary>
    public OrchestrationRegistry AddOrchestrator<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (!_orchestrators.TryAdd(name, async (context, input) => Serialize(await run(context, Deserialize<TInput>(input)!))))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an activity; its input is read from JSON and its output written as JSON.</summary>
    public OrchestrationRegistry AddActivity<TInput, TOutput>(string name, Func<TInput, CancellationToken, Task<TOutput>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (!_activities.TryAdd(name, async (input, cancellationToken) => Serialize(await run(Deserialize<TInput>(input)!, cancellationToken))))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    internal bool TryGetOrchestrator(string name, out Func<TaskOrchestrationContext, string?, Task<string?>> run) =>
        _orchestrators.TryGetValue(name, out run!);

    internal bool TryGetActivity(string name, out Func<string?, CancellationToken, Task<string?>> run) =>
        _activities.TryGetValue(name, out run!);

    internal static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), WorkflowJson.Options);

    internal static T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
}
