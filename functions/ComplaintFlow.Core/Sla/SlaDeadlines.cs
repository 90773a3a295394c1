using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Sla;

/// <summary>The two SLA windows of a complaint, computed for its severity.</summary>
public sealed record SlaDeadlines(Severity Severity, SlaClock FirstResponse, SlaClock Resolution);
