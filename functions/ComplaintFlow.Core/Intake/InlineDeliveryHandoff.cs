using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>Records each delivery before intake answers: for the in-memory product, where there is no request to answer fast.</summary>
public sealed class InlineDeliveryHandoff(DeliveryRecorder recorder) : IDeliveryHandoff
{
    public async ValueTask HandOffAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default) =>
        await recorder.RecordAsync(delivery, cancellationToken);

    public AcceptedDelivery? FindWaiting(ComplaintId complaintId) => null;
}
