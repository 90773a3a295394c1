using ComplaintFlow.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Infrastructure.Intake;

/// <summary>
/// Records accepted deliveries in batches, and finds the ones still unrecorded in storage (a crash between the answer
/// and the recording, a failed try, another host stopped). The local host's <see cref="DeliveryPump"/> records with it
/// behind intake's answer; the Functions app records inline and runs <see cref="RecordUnrecordedAsync"/> and
/// <see cref="ForgetRecordedAsync"/> on timer triggers.
/// </summary>
public sealed partial class DeliverySweep(DeliveryRecorder recorder, IDeliveryLedger ledger, RecordingOptions options, TimeProvider time, ILogger<DeliverySweep> logger)
{
    /// <summary>Deliveries recorded together (one claim, one insert per month and one mark per scope for all of them).</summary>
    public const int BatchSize = 50;

    /// <summary>Records <paramref name="batch"/> together; if that fails, each on its own, so one bad delivery holds back no other.</summary>
    /// <returns>How many were recorded; the rest stay unrecorded in storage for the next sweep.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<AcceptedDelivery> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await recorder.RecordAsync(batch, cancellationToken);
            return batch.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException && batch.Count > 1)
        {
            LogBatchFailed(logger, batch.Count, e.GetType().Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecordingFailed(logger, batch[0].ComplaintId.Value, e.GetType().Name);
            return 0;
        }

        var recorded = 0;
        foreach (var delivery in batch)
        {
            try
            {
                await recorder.RecordAsync(delivery, cancellationToken);
                recorded++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRecordingFailed(logger, delivery.ComplaintId.Value, e.GetType().Name);
            }
        }

        return recorded;
    }

    /// <summary>Records every delivery accepted so far and still unrecorded.</summary>
    /// <returns>How many were found.</returns>
    public async Task<int> RecordUnrecordedAsync(CancellationToken cancellationToken)
    {
        var found = 0;
        var batch = new List<AcceptedDelivery>(BatchSize);
        await foreach (var delivery in ledger.ListUnrecordedAsync(time.GetUtcNow(), cancellationToken))
        {
            found++;
            batch.Add(delivery);
            if (batch.Count == BatchSize)
            {
                await RecordAsync(batch, cancellationToken);
                batch = new List<AcceptedDelivery>(BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            await RecordAsync(batch, cancellationToken);
        }

        if (found > 0)
        {
            LogSwept(logger, found);
        }

        return found;
    }

    /// <summary>Deletes deliveries recorded longer ago than <see cref="RecordingOptions.KeepDeliveries"/>.</summary>
    public async Task<int> ForgetRecordedAsync(CancellationToken cancellationToken)
    {
        var forgotten = await ledger.ForgetRecordedAsync(time.GetUtcNow() - options.KeepDeliveries, cancellationToken);
        if (forgotten > 0)
        {
            LogForgotten(logger, forgotten);
        }

        return forgotten;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording complaint {ComplaintId} failed ({Error}); the next sweep tries again")]
    private static partial void LogRecordingFailed(ILogger logger, string complaintId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {Count} complaints together failed ({Error}); recording each on its own")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} recorded deliveries past Recording:KeepDeliveries")]
    private static partial void LogForgotten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Count} accepted deliveries still to record")]
    private static partial void LogSwept(ILogger logger, int count);
}
