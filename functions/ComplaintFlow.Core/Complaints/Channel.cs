namespace ComplaintFlow.Core.Complaints;

/// <summary>Where a complaint came from.</summary>
public enum Channel
{
    AppFeedback,
    Web,
    Email,
    PhoneHotline,
    Social,
    Queue,
}
