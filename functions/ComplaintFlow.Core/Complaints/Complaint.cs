using ComplaintFlow.Core.Intake;

namespace ComplaintFlow.Core.Complaints;

/// <summary>
/// A customer complaint and everything that happened to it. The aggregate owns its state: every change goes
/// through a method that checks the move is allowed and throws <see cref="ComplaintStateException"/> otherwise,
/// and every change adds a line to the <see cref="Timeline"/>.
/// </summary>
public sealed class Complaint
{
    /// <summary>The highest escalation tier: 1 agent, 2 team lead, 3 complaints manager.</summary>
    public const int MaxTier = 3;

    /// <summary>The actor name used for things the workflow did by itself.</summary>
    public const string SystemActor = "system";

    /// <summary>The actor name used for things the customer did.</summary>
    public const string CustomerActor = "customer";

    /// <summary>How the timeline words an answer of the customer's, before the answer itself.</summary>
    private const string AddedInformationPrefix = "The customer added: ";
    private const string AskedPrefix = "Asked the customer: ";

    /// <summary>What stands in for a text that held personal data once it is erased.</summary>
    public const string ErasedText = "[erased]";

    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<RoundOutcome> _earlierRounds = [];

    private Complaint(ComplaintId id, ComplaintSubmission submission, DateTimeOffset receivedAt)
    {
        Id = id;
        ExternalId = submission.ExternalId;
        Channel = submission.Channel;
        Customer = submission.Customer;
        Subject = submission.Subject;
        Description = submission.Description;
        OrderId = submission.OrderId;
        Metadata = submission.Metadata;
        SeverityHint = submission.SeverityHint;
        ReceivedAt = receivedAt;
        Status = ComplaintStatus.Received;
        EscalationTier = 1;
        Round = 1;
    }

    public ComplaintId Id { get; }

    public string? ExternalId { get; }

    public Channel Channel { get; }

    public Customer Customer { get; private set; }

    public string? Subject { get; private set; }

    public string Description { get; private set; }

    public string? OrderId { get; private set; }

    public IReadOnlyDictionary<string, string> Metadata { get; private set; }

    public Severity? SeverityHint { get; }

    public DateTimeOffset ReceivedAt { get; }

    public ComplaintStatus Status { get; private set; }

    public ComplaintOutcome Outcome { get; private set; }

    public Category? Category { get; private set; }

    public Severity? Severity { get; private set; }

    /// <summary>Which classification rules matched, for people reading the record.</summary>
    public string? ClassificationReason { get; private set; }

    public string? Team { get; private set; }

    public string? AssignedAgent { get; private set; }

    /// <summary>1 agent, 2 team lead, 3 complaints manager.</summary>
    public int EscalationTier { get; private set; }

    /// <summary>1 for the first solution; each time the customer is not satisfied a new round starts.</summary>
    public int Round { get; private set; }

    public DateTimeOffset? FirstResponseDue { get; private set; }

    public DateTimeOffset? ResolutionDue { get; private set; }

    /// <summary>When an agent first acted on the complaint (decision or question to the customer).</summary>
    public DateTimeOffset? FirstRespondedAt { get; private set; }

    /// <summary>When the latest outcome was proposed to the customer.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Resolution? Resolution { get; private set; }

    public CustomerVerdict? CustomerVerdict { get; private set; }

    /// <summary>Set when this complaint was merged into an open complaint of the same customer.</summary>
    public ComplaintId? DuplicateOf { get; private set; }

    /// <summary>How many later complaints were merged into this one.</summary>
    public int RepeatCount { get; private set; }

    /// <summary>Why the complaint was rejected at verification.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>The last question put to the customer, while <see cref="ComplaintStatus.NeedsInfo"/>.</summary>
    public string? PendingQuestion { get; private set; }

    /// <summary>True once the SLA windows were breached at least once (for the statistics).</summary>
    public bool SlaBreached { get; private set; }

    /// <summary>The status to go back to when the customer answers a question.</summary>
    public ComplaintStatus? StatusBeforeQuestion { get; private set; }

    /// <summary>When the customer's personal data was erased from this complaint (<see cref="ErasePersonalData"/>), or null.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Who asked for the erasure: the name given with the request, or the retention sweep.</summary>
    public string? ErasedBy { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>The rounds the customer turned down, oldest first: each proposed outcome with the customer's answer.</summary>
    public IReadOnlyList<RoundOutcome> EarlierRounds => _earlierRounds;

    public bool IsFinished => Status is ComplaintStatus.Closed or ComplaintStatus.Rejected;

    /// <summary>Records a new complaint.</summary>
    public static Complaint Receive(ComplaintId id, ComplaintSubmission submission, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var complaint = new Complaint(id, submission, receivedAt);
        complaint.Add(receivedAt, TimelineEventKind.Received, CustomerActor, $"Received via {submission.Channel}.", null);
        return complaint;
    }

    /// <summary>True when the workflow step <paramref name="stepId"/> already wrote to this complaint.</summary>
    public bool HasApplied(string stepId) => _timeline.Exists(e => e.StepId == stepId);

    public void BeginVerification(DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(BeginVerification), ComplaintStatus.Received);
        Status = ComplaintStatus.Verifying;
        Add(at, TimelineEventKind.VerificationStarted, SystemActor, "Verification started.", stepId);
    }

    public void RequestInformation(string question, string actor, DateTimeOffset at, string? stepId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        Require(nameof(RequestInformation), ComplaintStatus.Verifying, ComplaintStatus.Assigned);
        if (actor != SystemActor)
        {
            FirstRespondedAt ??= at;
        }

        StatusBeforeQuestion = Status;
        Status = ComplaintStatus.NeedsInfo;
        PendingQuestion = question;
        Add(at, TimelineEventKind.InformationRequested, actor, AskedPrefix + question, stepId, question);
    }

    public void ProvideInformation(string information, DateTimeOffset at, string? stepId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(information);
        Require(nameof(ProvideInformation), ComplaintStatus.NeedsInfo);
        Status = StatusBeforeQuestion ?? ComplaintStatus.Verifying;
        StatusBeforeQuestion = null;
        PendingQuestion = null;
        Add(at, TimelineEventKind.InformationProvided, CustomerActor, AddedInformationPrefix + information, stepId, information);
    }

    /// <summary>Every question put to the customer with its answer, oldest first; the last one's answer is null while it is pending.</summary>
    public IReadOnlyList<QuestionAndAnswer> QuestionsAndAnswers()
    {
        var asked = new List<QuestionAndAnswer>();
        foreach (var entry in _timeline)
        {
            if (entry.Kind == TimelineEventKind.InformationRequested && entry.Summary.StartsWith(AskedPrefix, StringComparison.Ordinal))
            {
                asked.Add(new QuestionAndAnswer(entry.Summary[AskedPrefix.Length..], entry.At, null));
            }
            else if (entry.Kind == TimelineEventKind.InformationProvided && asked.Count > 0 && asked[^1].Answer is null
                && entry.Summary.StartsWith(AddedInformationPrefix, StringComparison.Ordinal))
            {
                asked[^1] = asked[^1] with { Answer = entry.Summary[AddedInformationPrefix.Length..] };
            }
        }

        return asked;
    }

    /// <summary>What the customer added when asked for information, oldest first.</summary>
    public IReadOnlyList<string> AddedInformation() =>
        [.. _timeline
            .Where(e => e.Kind == TimelineEventKind.InformationProvided)
            .Select(e => e.Summary.StartsWith(AddedInformationPrefix, StringComparison.Ordinal) ? e.Summary[AddedInformationPrefix.Length..] : e.Summary)];

    /// <summary>Refuses the complaint at verification; it is kept with <paramref name="reason"/>.</summary>
    public void Reject(string reason, DateTimeOffset at, string? stepId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Require(nameof(Reject), ComplaintStatus.Received, ComplaintStatus.Verifying);
        Status = ComplaintStatus.Rejected;
        Outcome = ComplaintOutcome.RejectedAtIntake;
        RejectionReason = reason;
        ClosedAt = at;
        Add(at, TimelineEventKind.Rejected, SystemActor, $"Rejected: {reason}", stepId, reason);
    }

    /// <summary>Closes this complaint as a repeat of <paramref name="original"/>, an open complaint of the same customer.</summary>
    public void MergeInto(ComplaintId original, DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(MergeInto), ComplaintStatus.Received, ComplaintStatus.Verifying);
        if (original == Id)
        {
            throw new ComplaintStateException($"Complaint {Id} cannot be merged into itself.");
        }

        DuplicateOf = original;
        Status = ComplaintStatus.Closed;
        Outcome = ComplaintOutcome.Merged;
        ClosedAt = at;
        Add(at, TimelineEventKind.Merged, SystemActor, $"Merged into {original} as a repeat complaint.", stepId);
    }

    /// <summary>Notes on the original that the customer complained again; the caller raises priority.</summary>
    public void RegisterRepeat(ComplaintId repeat, DateTimeOffset at, string? stepId = null)
    {
        if (IsFinished)
        {
            throw new ComplaintStateException($"Complaint {Id} is {Status}; a repeat cannot be merged into it.");
        }

        RepeatCount++;
        if (Severity is { } current && current < Complaints.Severity.Urgent)
        {
            Severity = current + 1;
        }

        Add(at, TimelineEventKind.RepeatReceived, CustomerActor, $"The customer complained again ({repeat}); priority raised.", stepId);
    }

    /// <summary>
    /// Sets category and severity; repeats merged in before (a burst of duplicates verified while this one was) raise
    /// the severity one step each, as a repeat after classification does.
    /// </summary>
    public void Classify(Category category, Severity severity, string reason, DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(Classify), ComplaintStatus.Verifying);
        var raised = severity;
        for (var i = 0; i < RepeatCount && raised < Complaints.Severity.Urgent; i++)
        {
            raised++;
        }

        if (raised != severity)
        {
            reason += $"; raised from {severity} to {raised} by {RepeatCount} repeat complaint(s)";
        }

        Category = category;
        Severity = raised;
        ClassificationReason = reason;
        Add(at, TimelineEventKind.Classified, SystemActor, $"Classified as {category}, {raised}: {reason}", stepId);
    }

    /// <summary>Gives the complaint to <paramref name="agent"/> of <paramref name="team"/> with the deadlines of this round.</summary>
    public void Assign(string team, string agent, DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue, DateTimeOffset at, string? stepId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(team);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        Require(nameof(Assign), ComplaintStatus.Verifying, ComplaintStatus.Reopened, ComplaintStatus.Assigned);
        if (Category is null)
        {
            throw new ComplaintStateException($"Complaint {Id} must be classified before it is assigned.");
        }

        var reassigned = Status == ComplaintStatus.Assigned;
        Status = ComplaintStatus.Assigned;
        Team = team;
        AssignedAgent = agent;
        FirstResponseDue = firstResponseDue;
        ResolutionDue = resolutionDue;
        Add(at, TimelineEventKind.Assigned, SystemActor, $"{(reassigned ? "Reassigned" : "Assigned")} to {agent} ({team}), tier {EscalationTier}, round {Round}.", stepId);
    }

    /// <summary>Moves the complaint one tier up to <paramref name="assignee"/> (team lead, then manager).</summary>
    public void Escalate(string assignee, string reason, DateTimeOffset at, string? stepId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignee);
        Require(nameof(Escalate), ComplaintStatus.Assigned);
        if (EscalationTier >= MaxTier)
        {
            throw new ComplaintStateException($"Complaint {Id} is already at the highest tier ({MaxTier}).");
        }

        EscalationTier++;
        AssignedAgent = assignee;
        Add(at, TimelineEventKind.Escalated, SystemActor, $"Escalated to tier {EscalationTier} ({assignee}): {reason}", stepId, reason);
    }

    /// <summary>The SLA clock resumes after waiting on the customer: the deadlines move by the time spent waiting.</summary>
    public void ResumeSla(DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue, DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(ResumeSla), ComplaintStatus.Assigned);
        FirstResponseDue = firstResponseDue;
        ResolutionDue = resolutionDue;
        Add(at, TimelineEventKind.Note, SystemActor, $"SLA clock resumed; resolution now due {resolutionDue:u}.", stepId);
    }

    /// <summary>The severity changed while assigned: the remaining deadlines are those of the new severity.</summary>
    public void Reschedule(DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue, DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(Reschedule), ComplaintStatus.Assigned);
        FirstResponseDue = firstResponseDue;
        ResolutionDue = resolutionDue;
        Add(at, TimelineEventKind.Note, SystemActor, $"Deadlines recomputed for {Severity}: first response due {firstResponseDue:u}, resolution due {resolutionDue:u}.", stepId);
    }

    /// <summary>Notes a missed deadline for the statistics.</summary>
    public void RecordBreach(string what, DateTimeOffset at, string? stepId = null)
    {
        SlaBreached = true;
        Add(at, TimelineEventKind.Note, SystemActor, $"SLA breached: {what}", stepId);
    }

    /// <summary>The agent proposes a resolution or a reasoned rejection; the customer is asked to confirm it.</summary>
    public void ProposeOutcome(Resolution resolution, string? stepId = null)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        Require(nameof(ProposeOutcome), ComplaintStatus.Assigned);
        if (resolution.Kind is not (AgentDecisionKind.Resolve or AgentDecisionKind.Reject))
        {
            throw new ComplaintStateException($"A proposed outcome is a resolution or a rejection, not {resolution.Kind}.");
        }

        FirstRespondedAt ??= resolution.DecidedAt;
        ResolvedAt = resolution.DecidedAt;
        Resolution = resolution;
        Status = ComplaintStatus.AwaitingCustomer;
        var verb = resolution.Kind == AgentDecisionKind.Resolve ? "Resolution proposed" : "Found unfounded";
        var offer = resolution.Compensation == Compensation.None ? string.Empty : $" Compensation: {resolution.Compensation}.";
        Add(resolution.DecidedAt, TimelineEventKind.OutcomeProposed, resolution.DecidedBy, $"{verb}: {resolution.Text}{offer}", stepId, resolution.Text);
    }

    /// <summary>The customer's answer: satisfied closes the complaint, not satisfied opens the next round.</summary>
    public void RecordVerdict(CustomerVerdict verdict, string? stepId = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Require(nameof(RecordVerdict), ComplaintStatus.AwaitingCustomer);
        if (verdict.Rating is < 1 or > 5)
        {
            throw new ComplaintStateException($"A rating is 1 to 5, not {verdict.Rating}.");
        }

        CustomerVerdict = verdict;
        var rating = verdict.Rating is { } r ? $" Rating {r}/5." : string.Empty;
        var comment = string.IsNullOrWhiteSpace(verdict.Comment) ? string.Empty : $" \"{verdict.Comment}\"";
        if (verdict.Satisfied)
        {
            Add(verdict.At, TimelineEventKind.CustomerConfirmed, CustomerActor, $"The customer is satisfied.{rating}{comment}", stepId, verdict.Comment);
            Close(Resolution?.Kind == AgentDecisionKind.Reject ? ComplaintOutcome.Unfounded : ComplaintOutcome.Resolved, verdict.At, stepId);
            return;
        }

        Add(verdict.At, TimelineEventKind.CustomerDissatisfied, CustomerActor, $"The customer is not satisfied.{rating}{comment}", stepId, verdict.Comment);
        if (Resolution is { } proposed)
        {
            _earlierRounds.Add(new RoundOutcome(Round, proposed, verdict));
        }

        Round++;
        if (EscalationTier < MaxTier)
        {
            EscalationTier++;
        }

        Status = ComplaintStatus.Reopened;
        Add(verdict.At, TimelineEventKind.Reopened, SystemActor, $"Reopened for round {Round} at tier {EscalationTier}.", stepId);
    }

    /// <summary>The customer did not answer within the confirmation window.</summary>
    public void CloseUnconfirmed(DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(CloseUnconfirmed), ComplaintStatus.AwaitingCustomer);
        Close(Resolution?.Kind == AgentDecisionKind.Reject ? ComplaintOutcome.Unfounded : ComplaintOutcome.ResolvedUnconfirmed, at, stepId);
    }

    /// <summary>The customer never answered the question put to them.</summary>
    public void Abandon(DateTimeOffset at, string? stepId = null)
    {
        Require(nameof(Abandon), ComplaintStatus.NeedsInfo);
        Close(ComplaintOutcome.Abandoned, at, stepId);
    }

    /// <summary>Adds a line to the timeline without changing state (acknowledgement sent, reminder sent, …).</summary>
    public void Note(TimelineEventKind kind, string actor, string summary, DateTimeOffset at, string? stepId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        Add(at, kind, actor, summary, stepId);
    }

    /// <summary>
    /// Irreversibly replaces the customer's personal data — name, email, phone and id, subject, description, order,
    /// metadata, the questions and answers, the outcome texts and the customer's comments, in the record, its earlier
    /// rounds and its timeline — and keeps the facts the statistics read (channel, category, severity, team, times,
    /// tiers, rounds, outcome, compensation, ratings, SLA notes). A complaint still open is first closed as
    /// <see cref="ComplaintOutcome.Erased"/>. False (and nothing changed) when it was erased before.
    /// </summary>
    /// <param name="erasedBy">Who asked: the requester's name, or the retention sweep.</param>
    /// <param name="why">Why, for the timeline: "at the customer's request", "after the retention period".</param>
    /// <param name="at">When.</param>
    public bool ErasePersonalData(string erasedBy, string why, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erasedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        if (ErasedAt is not null)
        {
            return false;
        }

        if (!IsFinished)
        {
            StatusBeforeQuestion = null;
            Close(ComplaintOutcome.Erased, at, null);
        }

        var resolutions = _earlierRounds.Select(r => r.Resolution).Append(Resolution).OfType<Resolution>().ToList();
        for (var i = 0; i < _timeline.Count; i++)
        {
            // The reasons the workflow gave (a breach, a refusal) are kept; the words of people go.
            var detail = _timeline[i].Kind is TimelineEventKind.Rejected ? _timeline[i].Detail : null;
            _timeline[i] = _timeline[i] with { Summary = ErasedSummary(_timeline[i], resolutions), Detail = detail };
        }

        Customer = new Customer(ErasedText, null, null, null, Customer.Locale);
        Subject = null;
        Description = ErasedText;
        OrderId = null;
        Metadata = new Dictionary<string, string>();
        PendingQuestion = null;
        Resolution = Resolution is { } r ? r with { Text = ErasedText } : null;
        CustomerVerdict = CustomerVerdict is { } v ? v with { Comment = null } : null;
        for (var i = 0; i < _earlierRounds.Count; i++)
        {
            var round = _earlierRounds[i];
            _earlierRounds[i] = round with { Resolution = round.Resolution with { Text = ErasedText }, Verdict = round.Verdict with { Comment = null } };
        }

        ErasedAt = at;
        ErasedBy = erasedBy;
        Add(at, TimelineEventKind.PersonalDataErased, erasedBy, $"Personal data erased {why}.", null);
        return true;
    }

    /// <summary>A timeline line without the free text it carried: questions, answers, outcome texts and comments go; the rest was written by the workflow.</summary>
    private static string ErasedSummary(TimelineEntry entry, IReadOnlyList<Resolution> resolutions)
    {
        switch (entry.Kind)
        {
            case TimelineEventKind.InformationRequested:
                return AskedPrefix + ErasedText;
            case TimelineEventKind.InformationProvided:
                return AddedInformationPrefix + ErasedText;
            case TimelineEventKind.OutcomeProposed:
                var resolution = resolutions.FirstOrDefault(r => r.DecidedAt == entry.At && r.DecidedBy == entry.Actor);
                var verb = resolution?.Kind == AgentDecisionKind.Reject || entry.Summary.StartsWith("Found unfounded", StringComparison.Ordinal) ? "Found unfounded" : "Resolution proposed";
                var offer = resolution is null || resolution.Compensation == Compensation.None ? string.Empty : $" Compensation: {resolution.Compensation}.";
                return $"{verb}: {ErasedText}{offer}";
            case TimelineEventKind.CustomerConfirmed or TimelineEventKind.CustomerDissatisfied:
                var quote = entry.Summary.IndexOf(" \"", StringComparison.Ordinal);
                return quote < 0 ? entry.Summary : entry.Summary[..quote];
            default:
                return entry.Summary;
        }
    }

    /// <summary>The complete state, for storage.</summary>
    public ComplaintSnapshot ToSnapshot() => new()
    {
        Id = Id,
        ExternalId = ExternalId,
        Channel = Channel,
        Customer = Customer,
        Subject = Subject,
        Description = Description,
        OrderId = OrderId,
        Metadata = Metadata,
        SeverityHint = SeverityHint,
        ReceivedAt = ReceivedAt,
        Status = Status,
        Outcome = Outcome,
        Category = Category,
        Severity = Severity,
        ClassificationReason = ClassificationReason,
        Team = Team,
        AssignedAgent = AssignedAgent,
        EscalationTier = EscalationTier,
        Round = Round,
        FirstResponseDue = FirstResponseDue,
        ResolutionDue = ResolutionDue,
        FirstRespondedAt = FirstRespondedAt,
        ResolvedAt = ResolvedAt,
        ClosedAt = ClosedAt,
        Resolution = Resolution,
        CustomerVerdict = CustomerVerdict,
        DuplicateOf = DuplicateOf,
        RepeatCount = RepeatCount,
        RejectionReason = RejectionReason,
        PendingQuestion = PendingQuestion,
        StatusBeforeQuestion = StatusBeforeQuestion,
        SlaBreached = SlaBreached,
        ErasedAt = ErasedAt,
        ErasedBy = ErasedBy,
        Timeline = [.. _timeline],
        EarlierRounds = [.. _earlierRounds],
    };

    /// <summary>Rebuilds a complaint from storage.</summary>
    public static Complaint Restore(ComplaintSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var submission = new ComplaintSubmission(
            snapshot.ExternalId,
            snapshot.Channel,
            snapshot.Customer,
            snapshot.Subject,
            snapshot.Description,
            snapshot.OrderId,
            snapshot.Metadata,
            snapshot.SeverityHint);
        var complaint = new Complaint(snapshot.Id, submission, snapshot.ReceivedAt)
        {
            Status = snapshot.Status,
            Outcome = snapshot.Outcome,
            Category = snapshot.Category,
            Severity = snapshot.Severity,
            ClassificationReason = snapshot.ClassificationReason,
            Team = snapshot.Team,
            AssignedAgent = snapshot.AssignedAgent,
            EscalationTier = snapshot.EscalationTier,
            Round = snapshot.Round,
            FirstResponseDue = snapshot.FirstResponseDue,
            ResolutionDue = snapshot.ResolutionDue,
            FirstRespondedAt = snapshot.FirstRespondedAt,
            ResolvedAt = snapshot.ResolvedAt,
            ClosedAt = snapshot.ClosedAt,
            Resolution = snapshot.Resolution,
            CustomerVerdict = snapshot.CustomerVerdict,
            DuplicateOf = snapshot.DuplicateOf,
            RepeatCount = snapshot.RepeatCount,
            RejectionReason = snapshot.RejectionReason,
            PendingQuestion = snapshot.PendingQuestion,
            StatusBeforeQuestion = snapshot.StatusBeforeQuestion,
            SlaBreached = snapshot.SlaBreached,
            ErasedAt = snapshot.ErasedAt,
            ErasedBy = snapshot.ErasedBy,
        };
        complaint._timeline.AddRange(snapshot.Timeline.OrderBy(e => e.Sequence));
        complaint._earlierRounds.AddRange(snapshot.EarlierRounds.OrderBy(r => r.Round));
        return complaint;
    }

    private void Close(ComplaintOutcome outcome, DateTimeOffset at, string? stepId)
    {
        Status = ComplaintStatus.Closed;
        Outcome = outcome;
        ClosedAt = at;
        Add(at, TimelineEventKind.Closed, SystemActor, $"Closed: {outcome}.", stepId);
    }

    private void Require(string action, params ComplaintStatus[] allowed)
    {
        if (Array.IndexOf(allowed, Status) < 0)
        {
            throw new ComplaintStateException(
                $"Complaint {Id} is {Status}; {action} needs it to be {string.Join(" or ", allowed)}.");
        }
    }

    private void Add(DateTimeOffset at, TimelineEventKind kind, string actor, string summary, string? stepId, string? detail = null) =>
        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, kind, actor, summary, stepId, string.IsNullOrWhiteSpace(detail) ? null : detail));
}
