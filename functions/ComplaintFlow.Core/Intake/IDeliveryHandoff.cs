using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>Where intake hands an accepted delivery, to be recorded (its complaint stored, its workflow started).</summary>
public interface IDeliveryHandoff
{
    /// <summary>Hands <paramref name="delivery"/> over; a background recorder returns at once, an inline one when it is recorded.</summary>
    ValueTask HandOffAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>The delivery with <paramref name="complaintId"/> when it is handed over but not yet recorded; null otherwise.</summary>
    AcceptedDelivery? FindWaiting(ComplaintId complaintId);
}
