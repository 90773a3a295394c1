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
        return Task.CompletedTask;
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
