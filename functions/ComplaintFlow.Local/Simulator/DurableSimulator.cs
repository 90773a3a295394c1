using System.Collections.Concurrent;
using System.Globalization;
using ComplaintFlow.Core.Orchestration;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// The durable simulator: an in-memory, event-sourced, replaying runtime for orchestrations written against the Durable
/// Task SDK, whose time is a <see cref="TimeProvider"/> — so a test or a what-if run walks a complaint through a week of
/// SLA timers in milliseconds, which no Durable backend offers. It is the SDK's own types: each episode runs on a
/// <see cref="TaskOrchestrationContext"/> subclass, and this class is a <see cref="DurableTaskClient"/>, so the product
/// code that starts and signals instances cannot tell it from the real engine.
/// Each instance keeps a history; every batch of messages (activity results, fired timers, external events) runs one
/// episode that replays the orchestrator from the start on a single-threaded scheduler, checks it against the history
/// (non-determinism fails the instance), commits the new events and then starts the activities (with retries) and arms
/// the timers (from the <see cref="TimeProvider"/>) the orchestrator now waits for. After a restart,
/// <see cref="StartAsync"/> resumes every unfinished instance from the store.
/// </summary>
public sealed class DurableSimulator : DurableTaskClient
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private static readonly OrchestrationRuntimeStatus[] Unfinished = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    private static readonly DataConverter Json = new JsonDataConverter(WorkflowJson.Options);

    private readonly ConcurrentDictionary<string, InstanceWorker> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completions = new(StringComparer.Ordinal);
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _activitySlots;
    private readonly object _idleGate = new();
    private readonly object _flightGate = new();
    private TaskCompletionSource _idle = CompletedSignal();
    private TaskCompletionSource? _drained;
    private int _busy;
    private int _inFlight;
    private int _state;
    private long _lastMessageKey;
    private long _episodes;
    private long _eventsReplayed;
    private long _activitiesRun;
    private long _instancesFinished;

    /// <param name="registry">The orchestrators and activities, by name.</param>
    /// <param name="store">Where instances, histories and undelivered messages live.</param>
    /// <param name="time">The clock for timers, retry waits and timestamps (a FakeTimeProvider in tests).</param>
    /// <param name="loggerFactory">For the runtime's own logs and the orchestrations' replay-safe loggers.</param>
    /// <param name="options">Tuning; defaults when null.</param>
    public DurableSimulator(OrchestrationRegistry registry, IDurableStore store, TimeProvider time, ILoggerFactory loggerFactory, DurableSimulatorOptions? options = null)
        : base("simulator")
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Registry = registry;
        Store = store;
        Time = time;
        Options = options ?? new DurableSimulatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxConcurrentActivities, 1, nameof(options));
        _loggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger<DurableSimulator>();
        _activitySlots = new SemaphoreSlim(Options.MaxConcurrentActivities, Options.MaxConcurrentActivities);
        Timers = new DurableTimerScheduler(time);
    }

    /// <summary>Counters since this runtime was created.</summary>
    public DurableSimulatorMetrics Metrics => new(
        Interlocked.Read(ref _episodes),
        Interlocked.Read(ref _eventsReplayed),
        Interlocked.Read(ref _activitiesRun),
        Interlocked.Read(ref _instancesFinished));

    internal OrchestrationRegistry Registry { get; }

    internal IDurableStore Store { get; }

    internal TimeProvider Time { get; }

    internal DurableTimerScheduler Timers { get; }

    internal DurableSimulatorOptions Options { get; }

    internal ILogger Logger { get; }

    internal bool IsRunning => Volatile.Read(ref _state) == Running;

    internal DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>
    /// Creates missing storage, then loads every unfinished instance and resumes it: replays it, re-runs the activities it
    /// scheduled that never reported back, re-arms its timers (firing those already due) and delivers its stored events.
    /// Instances scheduled before the start are started now.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) == Running)
        {
            return;
        }

        if (Volatile.Read(ref _state) == Stopped)
        {
            throw new InvalidOperationException("A stopped durable runtime cannot start again; create a new one over the same store.");
        }

        await Store.InitializeAsync(cancellationToken);
        if (Interlocked.CompareExchange(ref _state, Running, NotStarted) != NotStarted)
        {
            return;
        }

        var count = 0;
        await foreach (var instance in Store.GetInstancesAsync(Unfinished, cancellationToken))
        {
            Activate(instance.InstanceId);
            count++;
        }

        DurableLog.Started(Logger, count);
    }

    /// <summary>
    /// Stops taking work: timers are disarmed, running activities are cancelled and the episodes in progress commit. Anything
    /// not committed (an activity's result, a fired timer) is redone by the next start; stored events are kept.
    /// Waits for the running work until <paramref name="cancellationToken"/> fires, then abandons it.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, Stopped) != Running)
        {
            return;
        }

        await _stopping.CancelAsync();
        Timers.Dispose();

        Task drained;
        lock (_flightGate)
        {
            drained = _inFlight == 0 ? Task.CompletedTask : (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        try
        {
            await drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Abandoned: whatever did not commit is redone from the store at the next start.
        }

        _instances.Clear();
        TaskCompletionSource idle;
        lock (_idleGate)
        {
            _busy = 0;
            idle = _idle;
        }

        idle.TrySetResult();
        DurableLog.Stopped(Logger);
    }

    /// <summary>
    /// Completes when no instance has runnable work: no message or fired timer waiting to be processed, no activity running.
    /// Timers in the future, activity retries waiting for their time and events nobody raised yet do not count.
    /// With a FakeTimeProvider: advance the clock, then await this.
    /// </summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        Task idle;
        lock (_idleGate)
        {
            if (_busy == 0)
            {
                return Task.CompletedTask;
            }

            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    /// <summary>The current generation's history of an instance (empty when there is no such instance).</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var record = await Store.GetInstanceAsync(instanceId, cancellationToken);
        return record is null ? [] : await Store.GetHistoryAsync(instanceId, record.Generation, cancellationToken);
    }

    /// <summary>
    /// Starts an instance. Its id is <see cref="StartOrchestrationOptions.InstanceId"/> (a new GUID when absent); an id that
    /// exists in any state is refused with <see cref="OrchestrationAlreadyExistsException"/>, as Durable refuses a running
    /// one (Durable would replace a finished one; nothing in the product relies on that). Scheduled start times are not simulated.
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        if (options?.StartAt is not null)
        {
            throw new NotSupportedException($"{nameof(StartOrchestrationOptions)}.{nameof(StartOrchestrationOptions.StartAt)}: the simulator starts instances at once.");
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var now = Now;
        var record = new InstanceRecord(instanceId, orchestratorName.Name, OrchestrationRuntimeStatus.Pending, now, now)
        {
            Input = OrchestrationRegistry.Serialize(input),
        };
        if (!await Store.TryCreateInstanceAsync(record, cancellation))
        {
            throw new OrchestrationAlreadyExistsException($"An orchestration instance '{instanceId}' already exists.");
        }

        DurableLog.Scheduled(Logger, instanceId, orchestratorName.Name);
        Activate(instanceId);
        return instanceId;
    }

    /// <summary>Delivers an event; it is buffered until the instance waits for it. Dropped for unknown or finished instances.</summary>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var raised = new HistoryEvent(HistoryEventType.EventRaised, Now) { Name = eventName, Data = OrchestrationRegistry.Serialize(eventPayload) };
        return SendAsync(instanceId, raised, cancellation);
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (options?.Recursive == true)
        {
            throw new NotSupportedException($"{nameof(TerminateInstanceOptions)}.{nameof(TerminateInstanceOptions.Recursive)}: the simulator runs no sub-orchestrations.");
        }

        var terminate = new HistoryEvent(HistoryEventType.ExecutionTerminated, Now) { Data = OrchestrationRegistry.Serialize(options?.Output) };
        return SendAsync(instanceId, terminate, cancellation);
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var record = await Store.GetInstanceAsync(instanceId, cancellation);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    /// <summary>Instances, filtered by <see cref="OrchestrationQuery.Statuses"/>, <see cref="OrchestrationQuery.InstanceIdPrefix"/> and the creation times.</summary>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create((continuation, pageSize, cancellation) => QueryAsync(filter, cancellation));

    /// <summary>Instances start as soon as they are scheduled (on a running simulator); this waits for that first episode.</summary>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await WaitForIdleAsync(cancellation);
        return await WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <summary>Deletes a finished instance's state and history; a running or unknown one purges nothing.</summary>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return new PurgeResult(await Store.PurgeInstanceAsync(instanceId, cancellation) ? 1 : 0);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException($"{nameof(DurableTaskClient)}.{nameof(SuspendInstanceAsync)}: the simulator does not suspend instances.");

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException($"{nameof(DurableTaskClient)}.{nameof(ResumeInstanceAsync)}: the simulator does not suspend instances.");

    public override async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
        _activitySlots.Dispose();
        Timers.Dispose();
    }

    internal void AddWork(int count)
    {
        lock (_idleGate)
        {
            if (_busy == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _busy += count;
        }
    }

    internal void RemoveWork(int count)
    {
        if (count == 0)
        {
            return;
        }

        TaskCompletionSource? idle = null;
        lock (_idleGate)
        {
            _busy = Math.Max(0, _busy - count);
            if (_busy == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    internal void RunInBackground(Func<Task> work)
    {
        lock (_flightGate)
        {
            _inFlight++;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            finally
            {
                TaskCompletionSource? drained = null;
                lock (_flightGate)
                {
                    if (--_inFlight == 0)
                    {
                        drained = _drained;
                    }
                }

                drained?.TrySetResult();
            }
        });
    }

    internal EpisodeResult RunEpisode(EpisodeRequest request)
    {
        Interlocked.Increment(ref _episodes);
        Interlocked.Add(ref _eventsReplayed, request.History.Count);
        return OrchestrationEpisode.Run(request);
    }

    internal ILoggerFactory OrchestrationLoggers => _loggerFactory;

    internal void DispatchActivity(InstanceWorker worker, int generation, OpenActivity activity)
    {
        if (!IsRunning)
        {
            return;
        }

        AddWork(1);
        RunInBackground(async () =>
        {
            try
            {
                if (await RunActivityAsync(worker.InstanceId, activity) is { } outcome)
                {
                    worker.Post(new WorkItem(WorkItemKind.ActivityResult, outcome, generation));
                }
            }
            finally
            {
                RemoveWork(1);
            }
        });
    }

    internal void OnClosed(InstanceWorker worker, bool finished)
    {
        _instances.TryRemove(new KeyValuePair<string, InstanceWorker>(worker.InstanceId, worker));
        if (finished)
        {
            Interlocked.Increment(ref _instancesFinished);
            if (_completions.TryRemove(worker.InstanceId, out var completion))
            {
                completion.TrySetResult();
            }
        }
    }

    /// <summary>Runs an activity with its retry policy; null when the runtime stopped first (the next start runs it again).</summary>
    private async Task<HistoryEvent?> RunActivityAsync(string instanceId, OpenActivity activity)
    {
        var stopping = _stopping.Token;
        if (!Registry.TryGetActivity(activity.Name, out var run))
        {
            return Failure(activity, typeof(InvalidOperationException).FullName!, $"No activity named '{activity.Name}' is registered.");
        }

        var retry = activity.Retry;
        var attempts = Math.Max(1, retry?.MaxNumberOfAttempts ?? 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _activitySlots.WaitAsync(stopping);
                try
                {
                    Interlocked.Increment(ref _activitiesRun);
                    var output = await run(activity.Input, stopping);
                    return new HistoryEvent(HistoryEventType.TaskCompleted, Now) { TaskId = activity.TaskId, Name = activity.Name, Data = output };
                }
                finally
                {
                    _activitySlots.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                var errorType = ex.GetType().FullName ?? ex.GetType().Name;
                DurableLog.ActivityTryFailed(Logger, instanceId, activity.Name, attempt, errorType);
                if (attempt >= attempts)
                {
                    return Failure(activity, errorType, ex.Message);
                }

                if (!await DelayAsync(DelayBeforeAttempt(retry!, attempt + 1), stopping))
                {
                    return null;
                }
            }
        }
    }

    /// <summary>
    /// The wait before try <paramref name="attempt"/> (2 for the first retry), as Durable computes it: the first interval
    /// times the coefficient for each retry before, at most the policy's longest interval.
    /// </summary>
    private static TimeSpan DelayBeforeAttempt(RetryPolicy retry, int attempt)
    {
        var delay = retry.FirstRetryInterval * Math.Pow(Math.Max(1.0, retry.BackoffCoefficient), attempt - 2);
        return delay > retry.MaxRetryInterval ? retry.MaxRetryInterval : delay;
    }

    private HistoryEvent Failure(OpenActivity activity, string errorType, string errorMessage) =>
        new(HistoryEventType.TaskFailed, Now) { TaskId = activity.TaskId, Name = activity.Name, ErrorType = errorType, ErrorMessage = errorMessage };

    /// <summary>Waits on the <see cref="TimeProvider"/>; while waiting the activity does not count as runnable work. False when stopping.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        var woken = 0;
        var wake = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Wake(bool due)
        {
            if (Interlocked.Exchange(ref woken, 1) == 0)
            {
                AddWork(1);
                wake.TrySetResult(due);
            }
        }

        // The timer first, then idle: whoever sees the runtime idle (a test moving a fake clock) finds the timer already set.
        var timer = Timers.Schedule(Now + delay, () => Wake(true));
        RemoveWork(1);
        try
        {
            using var registration = stopping.Register(() => Wake(false));
            return await wake.Task;
        }
        finally
        {
            timer.Cancel();
        }
    }

    /// <summary>Delivers an event an orchestration sent (<see cref="HistoryEventType.EventSent"/>) to its target, in the background.</summary>
    internal void Forward(HistoryEvent sent)
    {
        var target = sent.TargetInstanceId!;
        var raised = new HistoryEvent(HistoryEventType.EventRaised, Now) { Name = sent.Name, Data = sent.Data };
        AddWork(1);
        RunInBackground(async () =>
        {
            try
            {
                await SendAsync(target, raised, CancellationToken.None);
            }
            finally
            {
                RemoveWork(1);
            }
        });
    }

    /// <summary>Stores a client message durably, then hands it to the loaded instance (or leaves it for the next start).</summary>
    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken)
    {
        var what = message.Name ?? "Terminate";
        if (!(IsRunning && _instances.ContainsKey(instanceId)))
        {
            var record = await Store.GetInstanceAsync(instanceId, cancellationToken);
            if (record is null || record.IsFinished)
            {
                DurableLog.MessageDropped(Logger, instanceId, what, record is null ? "no such instance" : "the instance has finished");
                return;
            }
        }

        var pending = new PendingMessage(NextMessageKey(), message);
        await Store.AddPendingMessageAsync(instanceId, pending, cancellationToken);
        if (Activate(instanceId) is { } worker && !worker.Post(WorkItem.Message(pending)))
        {
            // The instance finished (or the runtime stopped) in between.
            if (IsRunning)
            {
                await Store.DeletePendingMessagesAsync(instanceId, [pending.Key], CancellationToken.None);
                DurableLog.MessageDropped(Logger, instanceId, what, "the instance has finished");
            }
        }
    }

    /// <summary>The loaded worker that already existed, or null when a new one was created (it loads the stored state itself) or the runtime is not running.</summary>
    private InstanceWorker? Activate(string instanceId)
    {
        while (IsRunning)
        {
            if (_instances.TryGetValue(instanceId, out var existing))
            {
                return existing;
            }

            var worker = new InstanceWorker(this, instanceId);
            if (_instances.TryAdd(instanceId, worker))
            {
                worker.Post(WorkItem.Load);
                return null;
            }
        }

        return null;
    }

    /// <summary>Keys that order an instance's stored messages as they were sent, also across restarts (so they follow the machine clock, not the workflow clock).</summary>
    private string NextMessageKey()
    {
        var ticks = TimeProvider.System.GetUtcNow().UtcTicks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastMessageKey);
            next = Math.Max(last + 1, ticks);
        }
        while (Interlocked.CompareExchange(ref _lastMessageKey, next, last) != last);
        return next.ToString("D19", CultureInfo.InvariantCulture);
    }

    private static OrchestrationMetadata ToMetadata(InstanceRecord record, bool getInputsAndOutputs) => new(record.Name, record.InstanceId)
    {
        // As in the SDK's clients, the Read...As helpers work only when inputs and outputs were asked for.
        DataConverter = getInputsAndOutputs ? Json : null,
        RuntimeStatus = record.Status,
        CreatedAt = record.CreatedAt,
        LastUpdatedAt = record.LastUpdatedAt,
        SerializedInput = getInputsAndOutputs ? record.Input : null,
        SerializedOutput = getInputsAndOutputs ? record.Output : null,
        SerializedCustomStatus = record.CustomStatus,
        FailureDetails = record.FailureDetails is { } failure ? Failure(failure) : null,
    };

    private static TaskFailureDetails Failure(string typeAndMessage)
    {
        var colon = typeAndMessage.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0
            ? new TaskFailureDetails(string.Empty, typeAndMessage, StackTrace: null, InnerFailure: null, Properties: null)
            : new TaskFailureDetails(typeAndMessage[..colon], typeAndMessage[(colon + 2)..], StackTrace: null, InnerFailure: null, Properties: null);
    }

    private async Task<Page<OrchestrationMetadata>> QueryAsync(OrchestrationQuery? filter, CancellationToken cancellation)
    {
        var statuses = filter?.Statuses?.ToList();
        var found = new List<OrchestrationMetadata>();
        await foreach (var record in Store.GetInstancesAsync(statuses is { Count: > 0 } ? statuses : null, cancellation))
        {
            if ((filter?.InstanceIdPrefix is not { } prefix || record.InstanceId.StartsWith(prefix, StringComparison.Ordinal)) &&
                (filter?.CreatedFrom is not { } from || record.CreatedAt >= from) &&
                (filter?.CreatedTo is not { } to || record.CreatedAt <= to))
            {
                found.Add(ToMetadata(record, filter?.FetchInputsAndOutputs ?? false));
            }
        }

        return new Page<OrchestrationMetadata>(found, continuationToken: null);
    }

    private async Task<OrchestrationMetadata> WaitForAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> reached, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        while (true)
        {
            // Register before reading, so a change between the two is not missed.
            var changed = _completions.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var state = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
            if (reached(state))
            {
                return state;
            }

            await changed.Task.WaitAsync(cancellation);
        }
    }

    private static TaskCompletionSource CompletedSignal()
    {
        var signal = new TaskCompletionSource();
        signal.SetResult();
        return signal;
    }
}
