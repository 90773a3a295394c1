using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using ComplaintFlow.Core.Orchestration;

namespace ComplaintFlow.Local.Durable;

/// <summary>
/// The local durable runtime: an event-sourced, replaying host for <see cref="IOrchestrationContext"/> orchestrations,
/// in the manner of the Durable Task Framework, over an <see cref="IDurableStore"/> (Table Storage or memory).
/// Each instance keeps a history; every batch of messages (activity results, fired timers, external events) runs one
/// episode that replays the orchestrator from the start on a single-threaded scheduler, checks it against the history
/// (non-determinism fails the instance), commits the new events and then starts the activities (with retries) and arms
/// the timers (from the <see cref="TimeProvider"/>) the orchestrator now waits for. After a restart,
/// <see cref="StartAsync"/> resumes every unfinished instance from the store.
/// </summary>
public sealed class DurableRuntime : IOrchestrationClient, IAsyncDisposable
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private static readonly OrchestrationRuntimeStatus[] Unfinished =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.ContinuedAsNew];

    private readonly ConcurrentDictionary<string, InstanceWorker> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ILogger> _orchestrationLoggers = new(StringComparer.Ordinal);
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
    public DurableRuntime(OrchestrationRegistry registry, IDurableStore store, TimeProvider time, ILoggerFactory loggerFactory, DurableRuntimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Registry = registry;
        Store = store;
        Time = time;
        Options = options ?? new DurableRuntimeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxConcurrentActivities, 1, nameof(options));
        _loggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger<DurableRuntime>();
        _activitySlots = new SemaphoreSlim(Options.MaxConcurrentActivities, Options.MaxConcurrentActivities);
        Timers = new DurableTimerScheduler(time);
    }

    /// <summary>Counters since this runtime was created.</summary>
    public DurableRuntimeMetrics Metrics => new(
        Interlocked.Read(ref _episodes),
        Interlocked.Read(ref _eventsReplayed),
        Interlocked.Read(ref _activitiesRun),
        Interlocked.Read(ref _instancesFinished));

    internal OrchestrationRegistry Registry { get; }

    internal IDurableStore Store { get; }

    internal TimeProvider Time { get; }

    internal DurableTimerScheduler Timers { get; }

    internal DurableRuntimeOptions Options { get; }

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

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var now = Now;
        var record = new InstanceRecord(instanceId, orchestratorName, OrchestrationRuntimeStatus.Pending, now, now)
        {
            Input = OrchestrationRegistry.Serialize(input),
        };
        if (await Store.TryCreateInstanceAsync(record, cancellationToken))
        {
            DurableLog.Scheduled(Logger, instanceId, orchestratorName);
            Activate(instanceId);
        }

        return instanceId;
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var raised = new HistoryEvent(HistoryEventType.EventRaised, Now) { Name = eventName, Data = OrchestrationRegistry.Serialize(eventPayload) };
        return SendAsync(instanceId, raised, cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var terminate = new HistoryEvent(HistoryEventType.ExecutionTerminated, Now) { Data = OrchestrationRegistry.Serialize(output) };
        return SendAsync(instanceId, terminate, cancellationToken);
    }

    public async Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var record = await Store.GetInstanceAsync(instanceId, cancellationToken);
        return record is null ? null : ToState(record, getInputsAndOutputs);
    }

    public async IAsyncEnumerable<OrchestrationState> GetAllInstancesAsync(
        IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in Store.GetInstancesAsync(statuses, cancellationToken))
        {
            yield return ToState(record, false);
        }
    }

    public async Task<OrchestrationState> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        while (true)
        {
            // Register before reading, so a completion between the two is not missed.
            var completion = _completions.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var state = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken)
                ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
            if (state.IsCompleted)
            {
                return state;
            }

            await completion.Task.WaitAsync(cancellationToken);
        }
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return Store.PurgeInstanceAsync(instanceId, cancellationToken);
    }

    public async ValueTask DisposeAsync()
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

    internal ILogger CreateOrchestrationLogger(string categoryName) =>
        _orchestrationLoggers.GetOrAdd(categoryName, _loggerFactory.CreateLogger);

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

        var retry = activity.Options?.Retry;
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

                if (!await DelayAsync(retry!.DelayBeforeAttempt(attempt + 1), stopping))
                {
                    return null;
                }
            }
        }
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

    private static OrchestrationState ToState(InstanceRecord record, bool getInputsAndOutputs) => new(
        record.InstanceId,
        record.Name,
        record.Status,
        record.CreatedAt,
        record.LastUpdatedAt,
        getInputsAndOutputs ? record.Input : null,
        getInputsAndOutputs ? record.Output : null,
        record.CustomStatus,
        record.FailureDetails);

    private static TaskCompletionSource CompletedSignal()
    {
        var signal = new TaskCompletionSource();
        signal.SetResult();
        return signal;
    }
}
