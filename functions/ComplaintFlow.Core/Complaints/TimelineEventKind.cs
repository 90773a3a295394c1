namespace ComplaintFlow.Core.Complaints;

/// <summary>The kinds of entries on a complaint's timeline.</summary>
public enum TimelineEventKind
{
    Received,
    VerificationStarted,
    InformationRequested,
    InformationProvided,
    Rejected,
    Merged,
    RepeatReceived,
    Classified,
    Assigned,
    Acknowledged,
    AgentNotified,
    ReminderSent,
    Escalated,
    OutcomeProposed,
    CustomerConfirmed,
    CustomerDissatisfied,
    Reopened,
    Closed,
    Note,
    PersonalDataErased,
}
