using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// Everything a template may show. Each <see cref="EmailKind"/> uses the fields that make sense for it and skips
/// the ones that are null; user-supplied text (subject, description, question, resolution, reason, names) is
/// HTML-encoded by the templates, never trusted.
/// </summary>
public sealed record EmailModel
{
    public required string ComplaintId { get; init; }

    /// <summary>The language of the email: the customer's for customer mail, the team's for staff mail.</summary>
    public required Locale Locale { get; init; }

    /// <summary>IANA time zone id that every time is shown in, with its label, e.g. <c>Asia/Shanghai</c>. Unknown ids fall back to UTC.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Who the email greets by name; a plain greeting when null.</summary>
    public string? RecipientName { get; init; }

    /// <summary>The complaint's subject, as the customer wrote it.</summary>
    public string? Subject { get; init; }

    /// <summary>The start of the complaint's description (see <see cref="EmailTemplates.Excerpt"/>).</summary>
    public string? DescriptionExcerpt { get; init; }

    public Category? Category { get; init; }

    public Severity? Severity { get; init; }

    /// <summary>The severity before a repeat complaint raised it (<see cref="EmailKind.PriorityRaised"/>).</summary>
    public Severity? PreviousSeverity { get; init; }

    /// <summary>1 agent, 2 team lead, 3 complaints manager.</summary>
    public int Tier { get; init; } = 1;

    /// <summary>1 for the first solution; higher after the customer was not satisfied.</summary>
    public int Round { get; init; } = 1;

    public DateTimeOffset? FirstResponseDue { get; init; }

    public DateTimeOffset? ResolutionDue { get; init; }

    /// <summary>The acknowledgement was sent outside working hours; <see cref="BackAt"/> says when the team is back.</summary>
    public bool OutOfHours { get; init; }

    /// <summary>When working hours start again (out-of-hours acknowledgements).</summary>
    public DateTimeOffset? BackAt { get; init; }

    /// <summary>The agent's question to the customer (<see cref="EmailKind.InformationRequest"/>).</summary>
    public string? Question { get; init; }

    /// <summary>The resolution text, or the explanation of a rejection, as the customer will read it.</summary>
    public string? ResolutionText { get; init; }

    public Compensation Compensation { get; init; } = Compensation.None;

    /// <summary>The outcome is a reasoned rejection (not the platform's responsibility) rather than a resolution.</summary>
    public bool OutcomeIsRejection { get; init; }

    /// <summary>Why: the escalation reason, the intake rejection reason, the closure note, the manager alert's cause.</summary>
    public string? Reason { get; init; }

    /// <summary>How much of the window has passed, 0–1 (0.8 shows "80%"), for <see cref="EmailKind.Reminder"/>.</summary>
    public double? ReminderFraction { get; init; }

    /// <summary>Which deadline a <see cref="EmailKind.Reminder"/> is about; its time is read from the matching *Due field.</summary>
    public ReminderDeadline? Deadline { get; init; }

    /// <summary>When an unanswered outcome is closed as unconfirmed (<see cref="EmailKind.Outcome"/>, <see cref="EmailKind.ConfirmationReminder"/>).</summary>
    public DateTimeOffset? ConfirmBy { get; init; }

    /// <summary>The email's action links (decision, satisfied / not satisfied, add information…), shown as buttons in this order.</summary>
    public IReadOnlyList<EmailLink> Links { get; init; } = [];

    /// <summary>The rounds the customer turned down, oldest first, so the next assignee sees what was tried and why it failed.</summary>
    public IReadOnlyList<RoundOutcome> EarlierRounds { get; init; } = [];

    /// <summary>The questions put to the customer and their answers, oldest first.</summary>
    public IReadOnlyList<QuestionAndAnswer> QuestionsAndAnswers { get; init; } = [];

    /// <summary>The complaint's status page, shown as a plain link under the buttons.</summary>
    public Uri? StatusUrl { get; init; }
}
