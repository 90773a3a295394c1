namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// Runs an episode's orchestrator continuations one after another on the thread that drives the episode, so
/// orchestrator code never runs concurrently with itself and never hops to the thread pool.
/// </summary>
internal sealed class EpisodeSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            _queue.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code cannot block on another thread.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations (and the ones they queue) until none is left.</summary>
    public void RunPending()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_queue)
            {
                if (!_queue.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }
}
