namespace ComplaintFlow.Core.Notifications;

/// <summary>Which deadline a <see cref="EmailKind.Reminder"/> is about.</summary>
public enum ReminderDeadline
{
    /// <summary>The first response to the customer; its time is <see cref="EmailModel.FirstResponseDue"/>.</summary>
    FirstResponse,

    /// <summary>The resolution; its time is <see cref="EmailModel.ResolutionDue"/>.</summary>
    Resolution,
}
