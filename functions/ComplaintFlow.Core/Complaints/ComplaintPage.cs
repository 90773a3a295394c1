namespace ComplaintFlow.Core.Complaints;

/// <summary>One page of complaints; <paramref name="ContinuationToken"/> is null on the last page.</summary>
public sealed record ComplaintPage(IReadOnlyList<Complaint> Items, string? ContinuationToken);
