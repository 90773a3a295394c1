using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// One loaded instance: its work queue and its cached record and history. Messages are processed in batches by at most
/// one loop at a time, so an instance never runs two episodes at once, while different instances run in parallel.
/// Each batch is one episode: replay, commit, then dispatch the new activities and arm the new timers.
/// </summary>
internal sealed class InstanceWorker(DurableSimulator runtime, string instanceId)
{
    private readonly object _gate = new();
    private readonly List<WorkItem> _queue = [];
    private readonly HashSet<string> _loadedKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<int, OpenActivity> _dispatched = [];
    private readonly Dictionary<int, DurableTimerScheduler.ScheduledTimer?> _armed = [];
    private Dictionary<int, OpenTimer> _openTimers = [];
    private List<HistoryEvent> _history = [];
    private InstanceRecord? _record;
    private bool _processing;
    private bool _closed;

    public string InstanceId => instanceId;

    /// <summary>Queues work; false when the instance is closed (finished or unloaded) or the runtime is not running.</summary>
    public bool Post(WorkItem item)
    {
        lock (_gate)
        {
            if (_closed || !runtime.IsRunning)
            {
                return false;
            }

            _queue.Add(item);
            runtime.AddWork(1);
            if (_processing)
            {
                return true;
            }

            _processing = true;
        }

        runtime.RunInBackground(ProcessAsync);
        return true;
    }

    /// <summary>Disposes every armed timer (the runtime is stopping).</summary>
    public void DisarmAll()
    {
        List<DurableTimerScheduler.ScheduledTimer?> timers;
        lock (_gate)
        {
            timers = [.. _armed.Values];
            _armed.Clear();
        }

        foreach (var timer in timers)
        {
            timer?.Cancel();
        }
    }

    private async Task ProcessAsync()
    {
        while (true)
        {
            List<WorkItem> batch;
            lock (_gate)
            {
                if (_queue.Count == 0 || _closed || !runtime.IsRunning)
                {
                    _processing = false;
                    return;
                }

                batch = [.. _queue];
                _queue.Clear();
            }

            try
            {
                await ProcessBatchAsync(batch);
            }
            catch (Exception ex)
            {
                DurableLog.ProcessingFailed(runtime.Logger, instanceId, ex);
                await CloseAsync(finished: false, []);
            }
            finally
            {
                runtime.RemoveWork(batch.Count);
            }
        }
    }

    private async Task ProcessBatchAsync(List<WorkItem> batch)
    {
        var store = runtime.Store;
        var items = batch;
        var resume = false;
        if (_record is null)
        {
            var record = await store.GetInstanceAsync(instanceId, CancellationToken.None);
            var pending = await store.GetPendingMessagesAsync(instanceId, CancellationToken.None);
            if (record is null || record.IsFinished)
            {
                await CloseAsync(finished: record is not null, [.. pending.Select(p => p.Key), .. KeysOf(batch)]);
                return;
            }

            var history = await store.GetHistoryAsync(instanceId, record.Generation, CancellationToken.None);
            _record = record;
            _history = [.. history];
            resume = true;
            items = [.. pending.OrderBy(p => p.Key, StringComparer.Ordinal).Select(WorkItem.Message)];
            foreach (var message in pending)
            {
                _loadedKeys.Add(message.Key);
            }

            items.AddRange(batch.Where(i => i.PendingKey is null || !_loadedKeys.Contains(i.PendingKey)));
            if (_history.Count > 0 && _history[^1].IsTerminal)
            {
                // The history committed but the record update did not (a crash in between): finish the record.
                await FinishAsync(_history[^1], [], [.. pending.Select(p => p.Key)]);
                return;
            }
        }

        var events = new List<HistoryEvent>();
        var consumedKeys = new List<string>();
        var seenTasks = new HashSet<int>();
        HistoryEvent? terminate = null;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case WorkItemKind.Message when item.PendingKey is not null && (resume || !_loadedKeys.Contains(item.PendingKey)):
                    consumedKeys.Add(item.PendingKey);
                    if (item.Event!.Type == HistoryEventType.ExecutionTerminated)
                    {
                        terminate ??= item.Event;
                    }
                    else
                    {
                        events.Add(item.Event);
                    }

                    break;
                case WorkItemKind.ActivityResult when item.Generation == _record.Generation && _dispatched.ContainsKey(item.Event!.TaskId) && seenTasks.Add(item.Event.TaskId):
                    events.Add(item.Event);
                    break;
                case WorkItemKind.TimerFired when item.Generation == _record.Generation && _openTimers.TryGetValue(item.Event!.TaskId, out var timer) && seenTasks.Add(item.Event.TaskId):
                    Disarm(timer.TaskId);
                    if (runtime.Now < timer.FireAt)
                    {
                        Arm(_record.Generation, timer);
                    }
                    else
                    {
                        events.Add(item.Event);
                    }

                    break;
                default:
                    break;
            }
        }

        if (terminate is not null)
        {
            var output = terminate.Data;
            await FinishAsync(new HistoryEvent(HistoryEventType.ExecutionTerminated, terminate.Timestamp) { Data = output }, [new HistoryEvent(HistoryEventType.OrchestratorStarted, terminate.Timestamp)], consumedKeys);
            return;
        }

        var starting = _record.Status == OrchestrationRuntimeStatus.Pending && _history.Count == 0;
        if (events.Count == 0 && !resume && !starting)
        {
            return;
        }

        var newEvents = new List<HistoryEvent>(events.Count + 2);
        if (starting || events.Count > 0)
        {
            // The episode's time is when its latest message was recorded, so it is the same whenever the batch runs.
            var time = events.Count == 0 ? _record.CreatedAt : events.Max(e => e.Timestamp);
            if (starting && _record.CreatedAt > time)
            {
                time = _record.CreatedAt;
            }

            newEvents.Add(new HistoryEvent(HistoryEventType.OrchestratorStarted, time));
            if (starting)
            {
                newEvents.Add(new HistoryEvent(HistoryEventType.ExecutionStarted, _record.CreatedAt) { Name = _record.Name, Data = _record.Input });
            }

            newEvents.AddRange(events);
        }

        await RunEpisodesAsync(newEvents, consumedKeys);
    }

    private async Task RunEpisodesAsync(List<HistoryEvent> newEvents, List<string> consumedKeys)
    {
        var record = _record!;
        runtime.Registry.TryGetOrchestrator(record.Name, out var orchestrator);
        var generation = record.Generation;
        IReadOnlyList<HistoryEvent> history = _history;
        var input = record.Input;
        var customStatus = record.CustomStatus;
        EpisodeResult result;
        var continued = 0;
        while (true)
        {
            result = runtime.RunEpisode(new EpisodeRequest(instanceId, record.Name, generation, orchestrator, history, newEvents, customStatus, runtime.OrchestrationLoggers));
            if (result.Status != EpisodeStatus.ContinuedAsNew)
            {
                break;
            }

            var time = newEvents.Count > 0 ? newEvents[0].Timestamp : runtime.Now;
            if (++continued > runtime.Options.MaxContinueAsNewPerBatch)
            {
                var message = $"Orchestration '{record.Name}' ({instanceId}) continued as new {continued - 1} times without waiting for anything.";
                result = result with
                {
                    Status = EpisodeStatus.Failed,
                    AppendedEvents = [.. result.AppendedEvents, new HistoryEvent(HistoryEventType.ExecutionFailed, time) { ErrorType = "ContinueAsNewLoop", ErrorMessage = message }],
                    FailureDetails = "ContinueAsNewLoop: " + message,
                };
                break;
            }

            generation++;
            history = [];
            input = result.ContinueAsNewInput;
            customStatus = result.CustomStatus;
            newEvents =
            [
                new HistoryEvent(HistoryEventType.OrchestratorStarted, time),
                new HistoryEvent(HistoryEventType.ExecutionStarted, time) { Name = record.Name, Data = input },
                .. result.CarriedEvents,
            ];
            DurableLog.ContinuedAsNew(runtime.Logger, instanceId, generation);
        }

        var status = result.Status switch
        {
            EpisodeStatus.Failed => OrchestrationRuntimeStatus.Failed,
            EpisodeStatus.Completed => OrchestrationRuntimeStatus.Completed,
            _ => OrchestrationRuntimeStatus.Running,
        };
        var updated = record with
        {
            Status = status,
            LastUpdatedAt = runtime.Now,
            Input = input,
            Output = result.Output,
            CustomStatus = result.CustomStatus,
            FailureDetails = result.FailureDetails,
            Generation = generation,
        };
        var generationChanged = generation != record.Generation;
        var changed = generationChanged || result.AppendedEvents.Count > 0 || consumedKeys.Count > 0 || status != record.Status ||
            updated.CustomStatus != record.CustomStatus;
        if (changed)
        {
            var first = generationChanged ? 0 : _history.Count;
            var etag = await runtime.Store.CommitAsync(new InstanceCommit(updated, first, result.AppendedEvents, consumedKeys), CancellationToken.None);
            _record = updated with { ETag = etag };
        }

        // Events to other instances leave once the history that sent them is stored, as Durable's outgoing messages do.
        foreach (var sent in result.AppendedEvents.Where(e => e.Type == HistoryEventType.EventSent))
        {
            runtime.Forward(sent);
        }

        if (generationChanged)
        {
            _history = [.. result.AppendedEvents];
            _dispatched.Clear();
            _openTimers.Clear();
            DisarmAll();
        }
        else
        {
            _history.AddRange(result.AppendedEvents);
        }

        if (status != OrchestrationRuntimeStatus.Running)
        {
            if (status == OrchestrationRuntimeStatus.Failed)
            {
                DurableLog.Failed(runtime.Logger, instanceId, result.AppendedEvents.Count > 0 ? result.AppendedEvents[^1].ErrorType : null);
            }

            await CloseAsync(finished: true, []);
            return;
        }

        Reconcile(generation, result);
    }

    /// <summary>Starts the activities and arms the timers the orchestrator now waits for; disarms the ones it stopped waiting for.</summary>
    private void Reconcile(int generation, EpisodeResult result)
    {
        var openActivities = result.OpenActivities.ToDictionary(a => a.TaskId);
        foreach (var id in _dispatched.Keys.Where(id => !openActivities.ContainsKey(id)).ToList())
        {
            _dispatched.Remove(id);
        }

        foreach (var activity in result.OpenActivities)
        {
            if (_dispatched.TryAdd(activity.TaskId, activity))
            {
                runtime.DispatchActivity(this, generation, activity);
            }
        }

        _openTimers = result.OpenTimers.ToDictionary(t => t.TaskId);
        List<int> stale;
        lock (_gate)
        {
            stale = [.. _armed.Keys.Where(id => !_openTimers.ContainsKey(id))];
        }

        foreach (var id in stale)
        {
            Disarm(id);
        }

        foreach (var timer in result.OpenTimers)
        {
            bool armed;
            lock (_gate)
            {
                armed = _armed.ContainsKey(timer.TaskId);
            }

            if (!armed)
            {
                Arm(generation, timer);
            }
        }
    }

    private void Arm(int generation, OpenTimer timer)
    {
        if (!runtime.IsRunning)
        {
            return;
        }

        var due = timer.FireAt - runtime.Now;
        if (due <= TimeSpan.Zero)
        {
            lock (_gate)
            {
                _armed[timer.TaskId] = null;
            }

            Post(TimerFiredItem(generation, timer));
            return;
        }

        var handle = runtime.Timers.Schedule(timer.FireAt, () => Post(TimerFiredItem(generation, timer)));
        lock (_gate)
        {
            _armed[timer.TaskId] = handle;
        }
    }

    private WorkItem TimerFiredItem(int generation, OpenTimer timer) =>
        new(WorkItemKind.TimerFired, new HistoryEvent(HistoryEventType.TimerFired, runtime.Now) { TaskId = timer.TaskId, FireAt = timer.FireAt }, generation);

    private void Disarm(int taskId)
    {
        DurableTimerScheduler.ScheduledTimer? handle;
        lock (_gate)
        {
            _armed.Remove(taskId, out handle);
        }

        handle?.Cancel();
    }

    /// <summary>Ends the instance with <paramref name="final"/> (terminated, or a history that already ended).</summary>
    private async Task FinishAsync(HistoryEvent final, List<HistoryEvent> before, List<string> consumedKeys)
    {
        var record = _record!;
        var status = final.Type switch
        {
            HistoryEventType.ExecutionCompleted => OrchestrationRuntimeStatus.Completed,
            HistoryEventType.ExecutionFailed => OrchestrationRuntimeStatus.Failed,
            _ => OrchestrationRuntimeStatus.Terminated,
        };
        var appended = before.Count == 0 && _history.Count > 0 && ReferenceEquals(_history[^1], final) ? [] : (List<HistoryEvent>)[.. before, final];
        var updated = record with
        {
            Status = status,
            LastUpdatedAt = runtime.Now,
            Output = final.Data,
            FailureDetails = status == OrchestrationRuntimeStatus.Failed ? $"{final.ErrorType}: {final.ErrorMessage}" : null,
        };
        var etag = await runtime.Store.CommitAsync(new InstanceCommit(updated, _history.Count, appended, consumedKeys), CancellationToken.None);
        _record = updated with { ETag = etag };
        _history.AddRange(appended);
        await CloseAsync(finished: true, []);
    }

    /// <summary>
    /// Takes the instance out of memory: finished, or unloaded after a failure (it then resumes from the store at the next
    /// start or message). Queued messages are dropped; a finished instance's stored ones are deleted.
    /// </summary>
    private async Task CloseAsync(bool finished, List<string> keysToDelete)
    {
        List<WorkItem> leftover;
        lock (_gate)
        {
            _closed = true;
            leftover = [.. _queue];
            _queue.Clear();
        }

        DisarmAll();
        runtime.RemoveWork(leftover.Count);
        if (finished)
        {
            foreach (var item in leftover.Where(i => i.Kind == WorkItemKind.Message))
            {
                DurableLog.MessageDropped(runtime.Logger, instanceId, item.Event?.Name ?? item.Event?.Type.ToString() ?? "?", "the instance has finished");
            }

            keysToDelete.AddRange(KeysOf(leftover));
            if (keysToDelete.Count > 0)
            {
                try
                {
                    await runtime.Store.DeletePendingMessagesAsync(instanceId, keysToDelete, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    DurableLog.CleanupFailed(runtime.Logger, instanceId, ex);
                }
            }

            if (_record is not null)
            {
                DurableLog.Finished(runtime.Logger, instanceId, _record.Status);
            }
        }

        runtime.OnClosed(this, finished);
    }

    private static IEnumerable<string> KeysOf(IEnumerable<WorkItem> items) =>
        items.Where(i => i.PendingKey is not null).Select(i => i.PendingKey!);
}
