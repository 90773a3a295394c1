using System.Collections.Concurrent;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Infrastructure.Intake;

/// <summary>
/// Records accepted deliveries behind intake's answer: handed-over deliveries are recorded by a few workers at once,
/// each waiting for a quiet moment in intake (<see cref="RecordingOptions.QuietPeriod"/>, at most
/// <see cref="RecordingOptions.MaxDelay"/>) so that a burst of complaints gets its answers first and is recorded
/// right after. Storage is swept at start and every <see cref="RecordingOptions.SweepInterval"/> for deliveries still
/// unrecorded (a crash between the answer and the recording, a failed try, another host stopped), and hourly for
/// deliveries recorded longer ago than <see cref="RecordingOptions.KeepDeliveries"/>, which are deleted. Recording is
/// idempotent, so a delivery recorded twice still makes one complaint with one workflow.
/// </summary>
public sealed partial class DeliveryPump(DeliverySweep sweep, IDeliveryLedger ledger, RecordingOptions options, TimeProvider time, ILogger<DeliveryPump> logger)
    : BackgroundService, IDeliveryHandoff
{
    /// <summary>Deliveries waiting in memory at most; more stay in storage until a sweep finds them.</summary>
    public const int Capacity = 50_000;

    /// <summary>How often deliveries older than <see cref="RecordingOptions.KeepDeliveries"/> are deleted (and at start).</summary>
    public static readonly TimeSpan ForgetInterval = TimeSpan.FromHours(1);

    /// <summary>Deliveries a worker records together (one claim, one insert per month and one mark per scope for all of them).</summary>
    public const int BatchSize = DeliverySweep.BatchSize;

    private readonly System.Threading.Channels.Channel<Handed> _queue = System.Threading.Channels.Channel.CreateBounded<Handed>(new System.Threading.Channels.BoundedChannelOptions(Capacity) { FullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<ComplaintId, AcceptedDelivery> _waiting = new();
    private long _lastHandoff = time.GetTimestamp();
    private DateTimeOffset? _lastForget;

    /// <summary>Deliveries handed over and not yet recorded (or tried).</summary>
    public int Waiting => _waiting.Count;

    public ValueTask HandOffAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = time.GetTimestamp();
        Volatile.Write(ref _lastHandoff, now);
        if (_waiting.TryAdd(delivery.ComplaintId, delivery) && !_queue.Writer.TryWrite(new Handed(delivery, now)))
        {
            _waiting.TryRemove(delivery.ComplaintId, out _);
        }

        return ValueTask.CompletedTask;
    }

    public AcceptedDelivery? FindWaiting(ComplaintId complaintId) => _waiting.GetValueOrDefault(complaintId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Workers).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll(workers.Append(SweepAsync(stoppingToken)));
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                if (!reader.TryRead(out var first))
                {
                    continue;
                }

                await WaitForQuietAsync(first.At, stoppingToken);
                var batch = new List<AcceptedDelivery>(BatchSize) { first.Delivery };
                while (batch.Count < BatchSize && reader.TryRead(out var next))
                {
                    batch.Add(next.Delivery);
                }

                try
                {
                    await sweep.RecordAsync(batch, stoppingToken);
                }
                finally
                {
                    foreach (var delivery in batch)
                    {
                        _waiting.TryRemove(delivery.ComplaintId, out _);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until intake has been quiet for the quiet period, or until the delivery handed over at <paramref name="handedAt"/> has waited the longest it may.</summary>
    private async Task WaitForQuietAsync(long handedAt, CancellationToken stoppingToken)
    {
        while (true)
        {
            var quietFor = time.GetElapsedTime(Volatile.Read(ref _lastHandoff));
            var waited = time.GetElapsedTime(handedAt);
            if (quietFor >= options.QuietPeriod || waited >= options.MaxDelay)
            {
                return;
            }

            var wait = options.QuietPeriod - quietFor;
            await Task.Delay(wait < options.MaxDelay - waited ? wait : options.MaxDelay - waited, time, stoppingToken);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    var found = 0;
                    await foreach (var delivery in ledger.ListUnrecordedAsync(time.GetUtcNow(), stoppingToken))
                    {
                        if (!_waiting.TryAdd(delivery.ComplaintId, delivery))
                        {
                            continue;
                        }

                        found++;
                        await _queue.Writer.WriteAsync(new Handed(delivery, time.GetTimestamp()), stoppingToken);
                    }

                    if (found > 0)
                    {
                        LogSwept(logger, found);
                    }

                    await ForgetOldDeliveriesAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSweepFailed(logger, e.GetType().Name, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>At start and then hourly: deletes deliveries recorded longer ago than <see cref="RecordingOptions.KeepDeliveries"/>.</summary>
    private async Task ForgetOldDeliveriesAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        if (_lastForget is { } last && now - last < ForgetInterval)
        {
            return;
        }

        _lastForget = now;
        await sweep.ForgetRecordedAsync(stoppingToken);
    }

    private readonly record struct Handed(AcceptedDelivery Delivery, long At);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Count} accepted deliveries still to record")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Searching for unrecorded deliveries failed ({Error}: {Message}); trying again at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, string error, string message);
}
