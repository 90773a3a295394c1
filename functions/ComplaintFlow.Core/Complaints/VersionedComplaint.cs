namespace ComplaintFlow.Core.Complaints;

/// <summary>A complaint as read, with the version that a save must match (the storage ETag).</summary>
public sealed record VersionedComplaint(Complaint Complaint, string Version);
