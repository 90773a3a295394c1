namespace ComplaintFlow.Core.Assignment;

/// <summary>A person who handles complaints, as the roster and the assignment counters know them.</summary>
/// <param name="Id">Stable id used in links and on the timeline (never the email address).</param>
/// <param name="Name">Display name used in emails.</param>
/// <param name="Email">Where their emails go. Personal data: never logged.</param>
/// <param name="Team">The team they work in.</param>
/// <param name="Active">False while away; inactive agents get no new complaints.</param>
/// <param name="OpenComplaints">Complaints assigned to them and not yet closed.</param>
/// <param name="LastAssignedAt">When they were last given a complaint; breaks ties between equally loaded agents.</param>
public sealed record Agent(
    string Id,
    string Name,
    string Email,
    string Team,
    bool Active,
    int OpenComplaints,
    DateTimeOffset? LastAssignedAt);
