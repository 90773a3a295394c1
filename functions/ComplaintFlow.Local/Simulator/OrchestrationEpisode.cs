
namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// Runs one episode: replays the orchestrator from the start against the recorded history (IsReplaying true), then
/// applies the new messages (IsReplaying false), all on the calling thread under an
/// <see cref="EpisodeSynchronizationContext"/>. Pure apart from the orchestrator's replay-safe logging.
/// </summary>
internal static class OrchestrationEpisode
{
    public static EpisodeResult Run(EpisodeRequest request)
    {
        var context = new ReplayOrchestrationContext(request);
        var scheduler = new EpisodeSynchronizationContext();
        var previous = SynchronizationContext.Current;
        var processed = 0;
        Exception? crash = null;
        SynchronizationContext.SetSynchronizationContext(scheduler);
        try
        {
            context.Replaying = true;
            foreach (var recorded in request.History)
            {
                // Keep reading after the orchestrator finished: a recorded action it no longer reaches is non-determinism too.
                if (context.NonDeterminism is not null)
                {
                    break;
                }

                context.Apply(recorded, fromHistory: true);
                scheduler.RunPending();
            }

            context.Replaying = false;
            foreach (var message in request.NewEvents)
            {
                if (context.IsDone)
                {
                    break;
                }

                context.Apply(message, fromHistory: false);
                processed++;
                scheduler.RunPending();
            }
        }
        catch (Exception ex)
        {
            // Only code the orchestrator queued itself (e.g. async void) can throw out of the scheduler.
            crash = ex;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        return BuildResult(request, context, processed, crash);
    }

    private static EpisodeResult BuildResult(EpisodeRequest request, ReplayOrchestrationContext context, int processed, Exception? crash)
    {
        var applied = request.NewEvents.Take(processed).ToList();
        var unprocessed = request.NewEvents.Skip(processed).ToList();
        var customStatus = context.CustomStatusSet ? context.CustomStatus : request.PreviousCustomStatus;
        var now = context.Now;

        EpisodeResult Finished(EpisodeStatus status, HistoryEvent final, string? output, string? failure)
        {
            var appended = new List<HistoryEvent>(applied.Count + context.NewActions.Count + 1);
            appended.AddRange(applied);
            appended.AddRange(context.NewActions);
            appended.Add(final);
            return new EpisodeResult(status, appended, unprocessed, output, failure, customStatus, [], [], null, []);
        }

        EpisodeResult Failed(string errorType, string errorMessage) =>
            Finished(
                EpisodeStatus.Failed,
                new HistoryEvent(HistoryEventType.ExecutionFailed, now) { ErrorType = errorType, ErrorMessage = errorMessage },
                null,
                $"{errorType}: {errorMessage}");

        if (context.NonDeterminism is not null)
        {
            return Failed("NonDeterministicOrchestration", context.NonDeterminism);
        }

        if (crash is not null)
        {
            return Failed(crash.GetType().FullName ?? crash.GetType().Name, crash.Message);
        }

        if (context.ContinueAsNewRequested)
        {
            var carried = context.PreserveUnprocessedEvents
                ? context.BufferedEvents.Concat(unprocessed.Where(e => e.Type == HistoryEventType.EventRaised)).ToList()
                : [];
            return new EpisodeResult(EpisodeStatus.ContinuedAsNew, applied, unprocessed, null, null, customStatus, [], [], context.ContinueAsNewInput, carried);
        }

        if (context.IsDone && context.Execution is { IsCompleted: true } execution)
        {
            if (execution.IsCompletedSuccessfully)
            {
                var output = execution.Result;
                return Finished(EpisodeStatus.Completed, new HistoryEvent(HistoryEventType.ExecutionCompleted, now) { Data = output }, output, null);
            }

            var error = execution.Exception?.InnerException ?? new TaskCanceledException(execution);
            return Failed(error.GetType().FullName ?? error.GetType().Name, error.Message);
        }

        var running = new List<HistoryEvent>(applied.Count + context.NewActions.Count);
        running.AddRange(applied);
        running.AddRange(context.NewActions);
        return new EpisodeResult(
            EpisodeStatus.Running,
            running,
            unprocessed,
            null,
            null,
            customStatus,
            [.. context.OpenActivities],
            [.. context.OpenTimers],
            null,
            []);
    }
}
