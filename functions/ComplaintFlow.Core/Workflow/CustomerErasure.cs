using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Statistics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Core.Workflow;

/// <summary>
/// Erases a customer's personal data everywhere it is kept, keeping each complaint's facts so the statistics stay as
/// they were. Per complaint, in an order that a crash at any point and a retry complete without loss: stop its workflow
/// (terminate, wait until it has stopped), let every <see cref="IPersonalDataHolder"/> remove its copies (they need the
/// texts still on the record), erase the record (<see cref="Complaint.ErasePersonalData"/>; a complaint still open is
/// closed as erased and its agent freed), record its facts, then purge the workflow's history, inputs and outputs from
/// the task hub. Once all are done the customer's own rows go and the erasure is logged.
/// </summary>
public sealed partial class CustomerErasure(
    IComplaintStore store,
    IEnumerable<IPersonalDataHolder> holders,
    IErasureLog log,
    IAgentDirectory directory,
    ComplaintStatistics statistics,
    DurableTaskClient durable,
    PrivacyOptions options,
    TimeProvider time,
    ILogger<CustomerErasure> logger)
{
    /// <summary>The actor the retention sweep erases as.</summary>
    public const string RetentionActor = "retention";

    private const int MaxAttempts = 8;

    /// <summary>
    /// Erases every complaint of <paramref name="customerId"/> at the request of <paramref name="requestedBy"/>. Asked
    /// again, it erases what came since (nothing, usually) and answers with the first erasure's record.
    /// </summary>
    public async Task<(ErasureRecord Record, bool AlreadyErased)> EraseCustomerAsync(string customerId, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var earlier = await log.FindAsync(customerId, cancellationToken);
        var ids = await store.FindByCustomerAsync(customerId, cancellationToken);
        if (ids.Count == 0 && earlier is not null)
        {
            return (earlier, true);
        }

        var closed = 0;
        await StopWorkflowsAsync(ids, cancellationToken);
        foreach (var id in ids)
        {
            if (await EraseComplaintAsync(id, customerId, requestedBy, "at the customer's request", cancellationToken))
            {
                closed++;
            }
        }

        foreach (var holder in holders)
        {
            await holder.EraseCustomerAsync(customerId, cancellationToken);
        }

        var record = earlier is null
            ? new ErasureRecord(time.GetUtcNow(), requestedBy, [.. ids.Select(i => i.Value)], closed)
            : earlier with { Complaints = [.. earlier.Complaints.Union(ids.Select(i => i.Value))], ClosedWhileOpen = earlier.ClosedWhileOpen + closed };
        await log.SaveAsync(customerId, record, cancellationToken);
        LogErased(logger, ids.Count, closed);
        return (record, earlier is not null);
    }

    /// <summary>Erases the closed complaints whose retention ended (closed more than <paramref name="retainClosedFor"/> ago); returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan retainClosedFor, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - retainClosedFor;
        var erased = 0;
        await foreach (var id in store.ClosedBeforeAsync(cutoff, cancellationToken))
        {
            await StopWorkflowsAsync([id], cancellationToken);
            await EraseComplaintAsync(id, customerId: null, RetentionActor, "after the retention period", cancellationToken);
            erased++;
        }

        if (erased > 0)
        {
            LogSwept(logger, erased, cutoff);
        }

        return erased;
    }

    /// <summary>Terminates the workflows still running and waits until each has stopped, so nothing writes to the complaints afterwards.</summary>
    private async Task StopWorkflowsAsync(IReadOnlyList<ComplaintId> ids, CancellationToken cancellationToken)
    {
        var stopping = new List<string>();
        foreach (var id in ids)
        {
            var instance = await durable.GetInstanceAsync(id.Value, getInputsAndOutputs: false, cancellationToken);
            if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
            {
                await durable.TerminateInstanceAsync(id.Value, new TerminateInstanceOptions("Personal data erased."), cancellationToken);
                stopping.Add(id.Value);
            }
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(options.WorkflowStopTimeout);
        try
        {
            await Task.WhenAll(stopping.Select(id => durable.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, patience.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Erasing under a workflow that still runs could leave its history behind: nothing is erased yet, so asking again is safe.
            throw new TimeoutException($"{stopping.Count} workflow(s) did not stop within {options.WorkflowStopTimeout.TotalSeconds:0} s of being terminated; nothing was erased yet. Ask again.");
        }
    }

    /// <returns>True when the complaint was still open and is now closed as erased.</returns>
    private async Task<bool> EraseComplaintAsync(ComplaintId id, string? customerId, string erasedBy, string why, CancellationToken cancellationToken)
    {
        var closedOpen = false;
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.FindAsync(id, cancellationToken);
            if (loaded is null)
            {
                break; // the index row of a complaint whose record was never written (a crash between the two)
            }

            var complaint = loaded.Complaint;
            customerId ??= complaint.Customer.Id;
            if (complaint.ErasedAt is not null)
            {
                break;
            }

            foreach (var holder in holders)
            {
                await holder.EraseComplaintAsync(complaint, cancellationToken);
            }

            var wasOpen = !complaint.IsFinished;
            complaint.ErasePersonalData(erasedBy, why, time.GetUtcNow());
            try
            {
                await store.SaveAsync(complaint, loaded.Version, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (wasOpen)
            {
                await directory.ReleaseAsync(id.Value, cancellationToken);
                closedOpen = true;
            }

            await statistics.RecordAsync(complaint, cancellationToken);
            break;
        }

        // Whatever state the record was in, the workflow's history (its inputs, the agent's texts, the customer's answers) goes.
        await durable.PurgeInstanceAsync(id.Value, cancellation: cancellationToken);
        if (customerId is not null && customerId != Complaint.ErasedText)
        {
            await store.ForgetCustomerAsync(customerId, id, cancellationToken);
        }

        return closedOpen;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased a customer's personal data from {Count} complaint(s); {Closed} were open and closed as erased")]
    private static partial void LogErased(ILogger logger, int count, int closed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep erased {Count} complaint(s) closed before {Cutoff:u}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset cutoff);
}
