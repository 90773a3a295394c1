using Microsoft.DurableTask;

namespace ComplaintFlow.Core.Orchestration;

/// <summary>Helpers built only from <see cref="TaskOrchestrationContext"/> members, so they behave the same on every runtime.</summary>
public static class TaskOrchestrationContextExtensions
{
    /// <summary>
    /// Races an already-created wait (<paramref name="pending"/>) against a timer that fires at <paramref name="deadline"/>.
    /// The wait is created once by the caller and raced against successive timers, because re-creating a wait after a
    /// timeout lets the abandoned wait swallow the next event on Durable's isolated worker. The losing timer is cancelled,
    /// so a finished orchestration does not stay running until it fires.
    /// A timer that fires before <paramref name="deadline"/> (the Azure Storage provider rounds a message's visibility
    /// delay down to whole seconds, so its timers fire up to a second early) is set again for the time that is left, so
    /// no deadline is ever treated as passed before it has.
    /// Returns true when <paramref name="pending"/> completed first.
    /// </summary>
    public static async Task<bool> WhenCompletedBefore(this TaskOrchestrationContext context, Task pending, DateTime deadline)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.IsCompleted)
        {
            return true;
        }

        do
        {
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(deadline, cancelTimer.Token);
            var winner = await Task.WhenAny(pending, timer);
            if (winner == pending)
            {
                // Synchronous on purpose: orchestration code must not hop threads, and CancelAsync would.
#pragma warning disable CA1849
                cancelTimer.Cancel();
#pragma warning restore CA1849
                return true;
            }
        }
        while (context.CurrentUtcDateTime < deadline);

        return false;
    }
}
