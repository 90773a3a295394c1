namespace ComplaintFlow.Local.Simulator;

/// <summary>
/// All of the runtime's timers on one <see cref="ITimer"/> from the <see cref="TimeProvider"/>, armed for the earliest
/// due time. Thousands of instances each waiting on a timer then cost one provider timer, not thousands (a
/// FakeTimeProvider scans all its timers whenever one is added or the clock moves).
/// </summary>
internal sealed class DurableTimerScheduler(TimeProvider time) : IDisposable
{
    // System.Threading timers stop at about 49 days; a later due time wakes early and re-arms.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private readonly object _gate = new();
    private readonly PriorityQueue<ScheduledTimer, DateTimeOffset> _queue = new();
    private ITimer? _timer;
    private DateTimeOffset? _armedFor;
    private int _cancelled;
    private bool _disposed;

    /// <summary>Calls <paramref name="fire"/> once the clock reaches <paramref name="fireAt"/> (at once when it already has), unless cancelled first.</summary>
    public ScheduledTimer Schedule(DateTimeOffset fireAt, Action fire)
    {
        var registration = new ScheduledTimer(this, fireAt, fire);
        if (fireAt <= time.GetUtcNow())
        {
            registration.Fire();
            return registration;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return registration;
            }

            _queue.Enqueue(registration, fireAt);
            if (_armedFor is null || fireAt < _armedFor)
            {
                Arm();
            }
        }

        return registration;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void OnTimer()
    {
        var due = new List<ScheduledTimer>();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = time.GetUtcNow();
            while (_queue.TryPeek(out var next, out var fireAt) && fireAt <= now)
            {
                _queue.Dequeue();
                if (next.IsCancelled)
                {
                    _cancelled--;
                }
                else
                {
                    due.Add(next);
                }
            }

            _armedFor = null;
            Arm();
        }

        foreach (var registration in due)
        {
            registration.Fire();
        }
    }

    /// <summary>Arms the provider timer for the earliest live entry (all entries are in the future here). Call under the lock.</summary>
    private void Arm()
    {
        while (_queue.TryPeek(out var next, out _) && next.IsCancelled)
        {
            _queue.Dequeue();
            _cancelled--;
        }

        if (!_queue.TryPeek(out _, out var earliest))
        {
            _armedFor = null;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = earliest - time.GetUtcNow();
        wait = wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > LongestWait ? LongestWait : wait;
        _armedFor = earliest;
        if (_timer is null)
        {
            _timer = time.CreateTimer(static state => ((DurableTimerScheduler)state!).OnTimer(), this, wait, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnCancelled()
    {
        lock (_gate)
        {
            // Cancelled entries are skipped when they come up; rebuild the queue when they are most of it.
            if (++_cancelled > 1024 && _cancelled > _queue.Count / 2)
            {
                var live = _queue.UnorderedItems.Where(i => !i.Element.IsCancelled).ToList();
                _queue.Clear();
                _queue.EnqueueRange(live);
                _cancelled = 0;
            }
        }
    }

    /// <summary>One scheduled callback; <see cref="Cancel"/> keeps it from firing.</summary>
    internal sealed class ScheduledTimer(DurableTimerScheduler owner, DateTimeOffset fireAt, Action fire)
    {
        private int _state;

        public DateTimeOffset FireAt { get; } = fireAt;

        public bool IsCancelled => Volatile.Read(ref _state) == 2;

        public void Fire()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                fire();
            }
        }

        public void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                owner.OnCancelled();
            }
        }
    }
}
