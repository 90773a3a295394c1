using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IDeliveryLedger"/> in memory.</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly ConcurrentDictionary<IntakeKey, AcceptedDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<(Channel Channel, string ExternalId), ComplaintId> _externalIds = new();
    private readonly ConcurrentDictionary<ComplaintId, ComplaintId> _recordedAs = new();
    private readonly ConcurrentDictionary<IntakeKey, DateTimeOffset> _recordedAt = new();
    private readonly TimeProvider _time;

    public InMemoryDeliveryLedger(TimeProvider time) => _time = time;

    public Task<AcceptedDelivery?> TryAcceptAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var stored = _deliveries.GetOrAdd(delivery.Key, delivery);
        return Task.FromResult(ReferenceEquals(stored, delivery) ? null : stored);
    }

    public Task<AcceptedDelivery?> FindAsync(IntakeKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_deliveries.GetValueOrDefault(key));

    public Task<ComplaintId> ClaimExternalIdAsync(Channel channel, string externalId, ComplaintId complaintId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_externalIds.GetOrAdd((channel, externalId), complaintId));

    public Task MarkRecordedAsync(AcceptedDelivery delivery, ComplaintId recordedAs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (recordedAs != delivery.ComplaintId)
        {
            _recordedAs[delivery.ComplaintId] = recordedAs;
        }

        _deliveries[delivery.Key] = delivery.Recorded(recordedAs);
        _recordedAt[delivery.Key] = _time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<int> ForgetRecordedAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default)
    {
        var forgotten = 0;
        foreach (var (key, at) in _recordedAt)
        {
            if (at < recordedBefore && _recordedAt.TryRemove(key, out _) && _deliveries.TryRemove(key, out _))
            {
                forgotten++;
            }
        }

        return Task.FromResult(forgotten);
    }

    public Task<ComplaintId?> FindRecordedAsAsync(ComplaintId complaintId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_recordedAs.TryGetValue(complaintId, out var other) ? other : (ComplaintId?)null);

    public async IAsyncEnumerable<AcceptedDelivery> ListUnrecordedAsync(DateTimeOffset acceptedBy, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var delivery in _deliveries.Values.Where(d => !d.IsRecorded && d.ReceivedAt <= acceptedBy).OrderBy(d => d.ReceivedAt))
        {
            yield return delivery;
        }
    }
}
