using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Core.Orchestration;

/// <summary>
/// What an orchestration may use: our port of Durable's <c>TaskOrchestrationContext</c>, member for member, so the
/// Azure adapter is one line per member and the local durable runtime implements the same contract.
/// Orchestration code is replayed: it must be deterministic, taking time only from <see cref="CurrentUtcDateTime"/>,
/// ids only from <see cref="NewGuid"/>, and awaiting only tasks that this context returned.
/// </summary>
public interface IOrchestrationContext
{
    /// <summary>The orchestrator's name.</summary>
    string Name { get; }

    /// <summary>The instance id (for complaints: the complaint id).</summary>
    string InstanceId { get; }

    /// <summary>The time of the current step, the same on every replay.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is catching up with recorded history.</summary>
    bool IsReplaying { get; }

    /// <summary>The input the instance was started (or continued as new) with.</summary>
    T? GetInput<T>();

    /// <summary>Runs an activity (at least once) and completes when it finished; throws <see cref="ActivityFailedException"/> when it failed for good.</summary>
    Task CallActivityAsync(string name, object? input = null, ActivityOptions? options = null);

    /// <summary>Runs an activity (at least once) and returns its result; throws <see cref="ActivityFailedException"/> when it failed for good.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null);

    /// <summary>A durable timer. Cancel the ones that lose a race, or the instance stays running until they fire.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Waits for an event raised through the client; events raised earlier are buffered, in order. Names are case-insensitive.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>A JSON-serialisable status readers see while the instance runs.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>A GUID that is the same on every replay.</summary>
    Guid NewGuid();

    /// <summary>A logger that stays quiet while replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>Ends this generation and restarts the instance with <paramref name="newInput"/> and a fresh history.</summary>
    void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);
}
