namespace ComplaintFlow.Core.Notifications;

/// <summary>The emails the workflow sends; each has a template in every locale (<see cref="EmailTemplates"/>).</summary>
public enum EmailKind
{
    /// <summary>To the customer: we received your complaint (outside working hours: when the team is back).</summary>
    Acknowledgement,

    /// <summary>To the agent: a complaint is yours, with the decision link.</summary>
    AgentAssignment,

    /// <summary>To the agent: part of a response or resolution window has passed.</summary>
    Reminder,

    /// <summary>To the team lead (tier 2) or complaints manager (tier 3): a deadline was missed or the agent escalated.</summary>
    Escalation,

    /// <summary>To the customer: the agent asks a question, with the "add information" link.</summary>
    InformationRequest,

    /// <summary>To the customer: the resolution or reasoned rejection, with "satisfied" / "not satisfied" links.</summary>
    Outcome,

    /// <summary>To the customer: we have not heard whether the outcome is acceptable.</summary>
    ConfirmationReminder,

    /// <summary>To the customer: the complaint is closed.</summary>
    Closure,

    /// <summary>To the customer: the complaint could not be accepted at verification, and why.</summary>
    IntakeRejection,

    /// <summary>To the complaints manager: a complaint needs their attention (e.g. reopened twice).</summary>
    ManagerAlert,

    /// <summary>To the assignee: the customer complained again, the priority went up and the deadlines are the new severity's.</summary>
    PriorityRaised,
}
