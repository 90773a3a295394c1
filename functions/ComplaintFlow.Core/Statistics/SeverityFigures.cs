namespace ComplaintFlow.Core.Statistics;

/// <summary>Times and SLA compliance for one severity.</summary>
public sealed record SeverityFigures(
    DurationSummary FirstResponseSlaTime,
    DurationSummary FirstResponseWallTime,
    DurationSummary ResolutionSlaTime,
    DurationSummary ResolutionWallTime,
    ComplianceFigures FirstResponse,
    ComplianceFigures Resolution);

/// <summary>How many complaints met, breached or are still inside one SLA window.</summary>
public sealed record ComplianceFigures(long Met, long Breached, long StillOpen);
