using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Statistics;

/// <summary>
/// What the statistics need to know about one complaint, derived from its record and timeline alone. The same
/// complaint always gives the same facts, so recording them twice changes nothing; a month's figures are the sum of
/// its complaints' facts (<see cref="StatisticsAggregate"/>).
/// </summary>
/// <remarks>
/// A complaint counts in the UTC day and month it was received (the month its record is stored under), however long
/// it takes to resolve. SLA time leaves out the time spent waiting on the customer (a question asked, an outcome
/// awaiting confirmation) and, for severities that are not around the clock, the time outside working hours.
/// </remarks>
public sealed record ComplaintFacts
{
    public required ComplaintId Id { get; init; }

    /// <summary>How far the complaint had got (its timeline length): later facts replace earlier ones, never the reverse.</summary>
    public required int Version { get; init; }

    public required DateOnly ReceivedDay { get; init; }

    public required Channel Channel { get; init; }

    public Category? Category { get; init; }

    public Severity? Severity { get; init; }

    public string? Team { get; init; }

    public ComplaintOutcome Outcome { get; init; }

    public bool IsFinished { get; init; }

    /// <summary>Received at, in the business calendar's zone: hour 0–23.</summary>
    public int LocalHour { get; init; }

    public DayOfWeek LocalWeekday { get; init; }

    public TimeSpan? FirstResponseWall { get; init; }

    public TimeSpan? FirstResponseSla { get; init; }

    public TimeSpan? ResolutionWall { get; init; }

    public TimeSpan? ResolutionSla { get; init; }

    public SlaCompliance FirstResponseCompliance { get; init; }

    public SlaCompliance ResolutionCompliance { get; init; }

    /// <summary>1 agent, 2 team lead, 3 manager: the highest tier reached.</summary>
    public int TierReached { get; init; }

    /// <summary>True when the customer was not satisfied at least once (a second round).</summary>
    public bool Reopened { get; init; }

    /// <summary>Closed after an outcome was proposed: resolved, unfounded, unconfirmed.</summary>
    public bool AskedToConfirm { get; init; }

    public bool Satisfied { get; init; }

    public bool Unconfirmed { get; init; }

    public int? Rating { get; init; }

    public static ComplaintFacts From(Complaint complaint, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(policy);
        var local = policy.Calendar.ToLocal(complaint.ReceivedAt);
        var pauses = Pauses(complaint);
        var target = complaint.Severity is { } severity ? policy.TargetFor(severity) : null;
        TimeSpan? Sla(DateTimeOffset? end) => end is { } e && target is not null ? SlaTime(policy.Calendar, target.AroundTheClock, complaint.ReceivedAt, e, pauses) : null;

        var resolved = complaint.Outcome is ComplaintOutcome.Resolved or ComplaintOutcome.ResolvedUnconfirmed or ComplaintOutcome.Unfounded;
        var resolvedAt = resolved ? complaint.ResolvedAt : null;
        var firstResponseSla = Sla(complaint.FirstRespondedAt);
        var resolutionSla = Sla(resolvedAt);
        var verdict = complaint.CustomerVerdict;
        var confirmed = resolved && verdict is { Satisfied: true };
        return new ComplaintFacts
        {
            Id = complaint.Id,
            Version = complaint.Timeline.Count,
            ReceivedDay = DateOnly.FromDateTime(complaint.ReceivedAt.UtcDateTime),
            Channel = complaint.Channel,
            Category = complaint.Category,
            Severity = complaint.Severity,
            Team = complaint.Team,
            Outcome = complaint.Outcome,
            IsFinished = complaint.IsFinished,
            LocalHour = local.Hour,
            LocalWeekday = local.DayOfWeek,
            FirstResponseWall = complaint.FirstRespondedAt - complaint.ReceivedAt,
            FirstResponseSla = firstResponseSla,
            ResolutionWall = resolvedAt - complaint.ReceivedAt,
            ResolutionSla = resolutionSla,
            FirstResponseCompliance = Compliance(complaint, target?.FirstResponse, firstResponseSla, "first response"),
            ResolutionCompliance = Compliance(complaint, target?.Resolution, resolutionSla, "resolution"),
            TierReached = complaint.EscalationTier,
            Reopened = complaint.Round > 1,
            AskedToConfirm = resolved,
            Satisfied = confirmed,
            Unconfirmed = resolved && !confirmed,
            Rating = confirmed ? verdict!.Rating : null,
        };
    }

    private static SlaCompliance Compliance(Complaint complaint, TimeSpan? window, TimeSpan? taken, string what)
    {
        if (window is not { } allowed)
        {
            return SlaCompliance.NotApplicable;
        }

        if (taken is { } t)
        {
            return t <= allowed ? SlaCompliance.Met : SlaCompliance.Breached;
        }

        if (complaint.Timeline.Any(e => e.Kind == TimelineEventKind.Note && e.Summary == $"SLA breached: {what}"))
        {
            return SlaCompliance.Breached;
        }

        return complaint.IsFinished ? SlaCompliance.NotApplicable : SlaCompliance.Open;
    }

    /// <summary>The spans spent waiting on the customer: a question until the answer, an outcome until the verdict.</summary>
    private static List<(DateTimeOffset From, DateTimeOffset To)> Pauses(Complaint complaint)
    {
        var pauses = new List<(DateTimeOffset, DateTimeOffset)>();
        DateTimeOffset? pausedAt = null;
        foreach (var entry in complaint.Timeline)
        {
            switch (entry.Kind)
            {
                case TimelineEventKind.InformationRequested or TimelineEventKind.OutcomeProposed:
                    pausedAt ??= entry.At;
                    break;
                case TimelineEventKind.InformationProvided or TimelineEventKind.Reopened or TimelineEventKind.Closed when pausedAt is { } start:
                    pauses.Add((start, entry.At));
                    pausedAt = null;
                    break;
            }
        }

        return pauses;
    }

    private static TimeSpan SlaTime(BusinessCalendar calendar, bool aroundTheClock, DateTimeOffset from, DateTimeOffset to, List<(DateTimeOffset From, DateTimeOffset To)> pauses)
    {
        TimeSpan Between(DateTimeOffset a, DateTimeOffset b) => aroundTheClock ? b - a : calendar.BusinessTimeBetween(a, b);
        var total = Between(from, to);
        foreach (var (start, end) in pauses)
        {
            var a = start < from ? from : start;
            var b = end > to ? to : end;
            if (b > a)
            {
                total -= Between(a, b);
            }
        }

        return total < TimeSpan.Zero ? TimeSpan.Zero : total;
    }
}
