using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// The simulator's <see cref="TaskOrchestrationContext"/> for one episode: a subclass of the SDK's own type, so the
/// orchestrator runs here exactly as written for Durable. The episode driver feeds it history events in order; the
/// orchestrator's calls are matched against the actions history recorded (by sequence number), and those history
/// does not have yet become the episode's new actions. What the simulator does not offer (sub-orchestrations, entities)
/// throws <see cref="NotSupportedException"/> naming the member.
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly EpisodeRequest _request;
    private readonly Dictionary<int, HistoryEvent> _recordedActions = [];
    private readonly SortedDictionary<int, PendingActivity> _activities = [];
    private readonly SortedDictionary<int, PendingTimer> _timers = [];
    private readonly List<HistoryEvent> _newActions = [];
    private readonly Dictionary<string, LinkedList<Action<HistoryEvent>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<HistoryEvent> _buffered = new();
    private int _nextTaskId;
    private int _guidCounter;
    private string? _input;

    public ReplayOrchestrationContext(EpisodeRequest request)
    {
        _request = request;
        foreach (var recorded in request.History)
        {
            if (recorded.Type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.EventSent)
            {
                _recordedActions[recorded.TaskId] = recorded;
            }
        }
    }

    public override TaskName Name => _request.Name;

    public override string InstanceId => _request.InstanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => Now.UtcDateTime;

    public override bool IsReplaying => Replaying;

    public override TaskOrchestrationEntityFeature Entities =>
        throw new NotSupportedException($"{nameof(TaskOrchestrationContext)}.{nameof(Entities)}: the simulator runs no durable entities.");

    /// <summary>Set by the episode driver while it feeds recorded history.</summary>
    public bool Replaying { get; set; }

    protected override ILoggerFactory LoggerFactory => _request.LoggerFactory;

    public DateTimeOffset Now { get; private set; }

    /// <summary>The orchestrator function's task, once ExecutionStarted has been applied.</summary>
    public Task<string?>? Execution { get; private set; }

    /// <summary>Set when replay disagrees with history; the instance then fails with this message.</summary>
    public string? NonDeterminism { get; private set; }

    public bool ContinueAsNewRequested { get; private set; }

    public string? ContinueAsNewInput { get; private set; }

    public bool PreserveUnprocessedEvents { get; private set; }

    public bool CustomStatusSet { get; private set; }

    public string? CustomStatus { get; private set; }

    /// <summary>
    /// True once the generation has nothing more to do: continued as new, found non-deterministic, failed, or returned with
    /// no timer left. As in Durable, a returned orchestrator stays running until the timers it did not cancel have fired.
    /// </summary>
    public bool IsDone => NonDeterminism is not null || ContinueAsNewRequested ||
        (Execution is { IsCompleted: true } execution && (!execution.IsCompletedSuccessfully || _timers.Count == 0));

    public IReadOnlyList<HistoryEvent> NewActions => _newActions;

    public IEnumerable<HistoryEvent> BufferedEvents => _buffered;

    public IEnumerable<OpenActivity> OpenActivities => _activities.Values.Select(a => new OpenActivity(a.TaskId, a.Name, a.Input, a.Retry));

    public IEnumerable<OpenTimer> OpenTimers => _timers.Values.Select(t => new OpenTimer(t.TaskId, t.FireAt));

    public override T? GetInput<T>()
        where T : default => OrchestrationRegistry.Deserialize<T>(_input);

    public override Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        ScheduleActivity<bool>(name.Name, input, RetryOf(options), readOutput: false);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        ScheduleActivity<TResult>(name.Name, input, RetryOf(options), readOutput: true);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException($"{nameof(TaskOrchestrationContext)}.{nameof(CallSubOrchestratorAsync)}: the simulator runs no sub-orchestrations.");

    /// <summary>
    /// Sends an event to another instance, as Durable does: an action in this instance's history (replayed, not sent
    /// again), delivered once the episode is committed; dropped when the target does not exist or has finished.
    /// </summary>
    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var id = _nextTaskId++;
        if (_recordedActions.TryGetValue(id, out var recorded))
        {
            if (recorded.Type != HistoryEventType.EventSent || !string.Equals(recorded.Name, eventName, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(recorded.TargetInstanceId, instanceId, StringComparison.Ordinal))
            {
                _ = Mismatch<bool>(id, recorded, $"event '{eventName}' to '{instanceId}'");
            }

            return;
        }

        _newActions.Add(new HistoryEvent(HistoryEventType.EventSent, Now)
        {
            TaskId = id,
            Name = eventName,
            TargetInstanceId = instanceId,
            Data = OrchestrationRegistry.Serialize(payload),
        });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var due = new DateTimeOffset(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc));
        var id = _nextTaskId++;
        if (_recordedActions.TryGetValue(id, out var recorded))
        {
            if (recorded.Type != HistoryEventType.TimerCreated)
            {
                return Mismatch<bool>(id, recorded, "a timer");
            }

            due = recorded.FireAt ?? due;
        }
        else
        {
            _newActions.Add(new HistoryEvent(HistoryEventType.TimerCreated, Now) { TaskId = id, FireAt = due });
        }

        var timer = new PendingTimer(id, due);
        _timers.Add(id, timer);
        if (cancellationToken.CanBeCanceled)
        {
            // Runs inside the orchestrator's own Cancel() call: the timer stops counting as pending at once.
            cancellationToken.Register(() =>
            {
                if (timer.Completion.TrySetCanceled(cancellationToken))
                {
                    _timers.Remove(id);
                }
            });
        }

        return timer.Completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        for (var node = _buffered.First; node is not null; node = node.Next)
        {
            if (string.Equals(node.Value.Name, eventName, StringComparison.OrdinalIgnoreCase))
            {
                _buffered.Remove(node);
                var buffered = new TaskCompletionSource<T>();
                Complete(buffered, node.Value);
                return buffered.Task;
            }
        }

        var completion = new TaskCompletionSource<T>();
        if (!_waiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<Action<HistoryEvent>>();
            _waiters.Add(eventName, waiters);
        }

        var waiter = waiters.AddLast(e => Complete(completion, e));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (waiter.List is not null)
                {
                    waiter.List.Remove(waiter);
                    completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return completion.Task;
    }

    public override void SetCustomStatus(object? customStatus)
    {
        CustomStatus = OrchestrationRegistry.Serialize(customStatus);
        CustomStatusSet = true;
    }

    public override Guid NewGuid()
    {
        // Name-based (RFC 9562 version 8, SHA-256): the same instance, generation and call count give the same GUID on every replay.
        var name = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{InstanceId}\n{_request.Generation}\n{_guidCounter++}"));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        ContinueAsNewInput = OrchestrationRegistry.Serialize(newInput);
        PreserveUnprocessedEvents = preserveUnprocessedEvents;
        ContinueAsNewRequested = true;
    }

    /// <summary>Applies one history event or message; orchestrator code it resumes runs inline or is queued on the episode's context.</summary>
    public void Apply(HistoryEvent e, bool fromHistory)
    {
        switch (e.Type)
        {
            case HistoryEventType.OrchestratorStarted:
                Now = e.Timestamp;
                break;
            case HistoryEventType.ExecutionStarted:
                if (Execution is null)
                {
                    _input = e.Data;
                    Execution = Start(e.Data);
                }

                break;
            case HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.EventSent when fromHistory:
                if (e.TaskId >= _nextTaskId && NonDeterminism is null)
                {
                    NonDeterminism = $"Non-deterministic orchestration '{Name}' ({InstanceId}): history has {Describe(e)} as task {e.TaskId}, but the replay did not schedule it (it scheduled {_nextTaskId} actions).";
                }

                break;
            case HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed:
                if (!IsDone && _activities.Remove(e.TaskId, out var activity))
                {
                    activity.Complete(e);
                }

                break;
            case HistoryEventType.TimerFired:
                if (NonDeterminism is null && !ContinueAsNewRequested && _timers.Remove(e.TaskId, out var timer))
                {
                    timer.Completion.TrySetResult();
                }

                break;
            case HistoryEventType.EventRaised:
                if (!IsDone)
                {
                    Deliver(e);
                }

                break;
            default:
                break;
        }
    }

    private Task<string?> Start(string? input)
    {
        if (_request.Orchestrator is null)
        {
            return Task.FromException<string?>(new InvalidOperationException($"No orchestrator named '{Name}' is registered."));
        }

        try
        {
            return _request.Orchestrator(this, input);
        }
        catch (Exception ex)
        {
            return Task.FromException<string?>(ex);
        }
    }

    private void Deliver(HistoryEvent e)
    {
        if (e.Name is not null && _waiters.TryGetValue(e.Name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value(e);
        }
        else
        {
            _buffered.AddLast(e);
        }
    }

    /// <summary>The retry policy of an activity call; retry handlers (code that decides) are not simulated.</summary>
    private static RetryPolicy? RetryOf(TaskOptions? options) => options?.Retry switch
    {
        null => null,
        { Policy: { } policy } => policy,
        _ => throw new NotSupportedException($"{nameof(TaskRetryOptions)}.{nameof(TaskRetryOptions.Handler)}: the simulator retries activities by a {nameof(RetryPolicy)} only."),
    };

    private Task<T> ScheduleActivity<T>(string name, object? input, RetryPolicy? retry, bool readOutput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = _nextTaskId++;
        string? serializedInput;
        if (_recordedActions.TryGetValue(id, out var recorded))
        {
            if (recorded.Type != HistoryEventType.TaskScheduled || !string.Equals(recorded.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Mismatch<T>(id, recorded, $"activity '{name}'");
            }

            serializedInput = recorded.Data;
        }
        else
        {
            serializedInput = OrchestrationRegistry.Serialize(input);
            _newActions.Add(new HistoryEvent(HistoryEventType.TaskScheduled, Now) { TaskId = id, Name = name, Data = serializedInput });
        }

        var completion = new TaskCompletionSource<T>();
        _activities.Add(id, new PendingActivity(id, name, serializedInput, retry, e =>
        {
            if (e.Type == HistoryEventType.TaskFailed)
            {
                var details = new TaskFailureDetails(e.ErrorType ?? string.Empty, e.ErrorMessage ?? string.Empty, StackTrace: null, InnerFailure: null, Properties: null);
                completion.SetException(new TaskFailedException(name, id, details));
            }
            else if (readOutput)
            {
                Complete(completion, e);
            }
            else
            {
                completion.SetResult(default!);
            }
        }));
        return completion.Task;
    }

    private Task<T> Mismatch<T>(int id, HistoryEvent recorded, string scheduled)
    {
        var message = $"Non-deterministic orchestration '{Name}' ({InstanceId}): history has {Describe(recorded)} as task {id}, but the replay scheduled {scheduled}.";
        NonDeterminism ??= message;
        return Task.FromException<T>(new InvalidOperationException(message));
    }

    private static string Describe(HistoryEvent recorded) => recorded.Type switch
    {
        HistoryEventType.TimerCreated => "a timer",
        HistoryEventType.EventSent => $"event '{recorded.Name}' to '{recorded.TargetInstanceId}'",
        _ => $"activity '{recorded.Name}'",
    };

    private static void Complete<T>(TaskCompletionSource<T> completion, HistoryEvent e)
    {
        T value;
        try
        {
            value = OrchestrationRegistry.Deserialize<T>(e.Data)!;
        }
        catch (Exception ex)
        {
            completion.SetException(ex);
            return;
        }

        completion.SetResult(value);
    }

    private sealed record PendingActivity(int TaskId, string Name, string? Input, RetryPolicy? Retry, Action<HistoryEvent> Complete);

    private sealed class PendingTimer(int taskId, DateTimeOffset fireAt)
    {
        public int TaskId { get; } = taskId;

        public DateTimeOffset FireAt { get; } = fireAt;

        public TaskCompletionSource Completion { get; } = new();
    }
}
