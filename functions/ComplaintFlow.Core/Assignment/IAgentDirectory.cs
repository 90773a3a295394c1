namespace ComplaintFlow.Core.Assignment;

/// <summary>The roster and each agent's open load (Table Storage in every host).</summary>
public interface IAgentDirectory
{
    /// <summary>The agent, or null when the id is not in the roster.</summary>
    Task<Agent?> FindAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Every agent of a team, active or not.</summary>
    Task<IReadOnlyList<Agent>> ListTeamAsync(string team, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the complaint to the team's active agent with the fewest open complaints (ties: the one who waited longest
    /// since their last assignment) and counts it on their load. Idempotent: a complaint that already has an agent
    /// gets the same one back and is not counted twice. <paramref name="avoidAgentId"/> (a reassignment) is passed over
    /// while the team has anyone else active. Throws <see cref="InvalidOperationException"/> when the team
    /// has no active agent.
    /// </summary>
    Task<AgentAssignment> AssignAsync(string team, string complaintId, DateTimeOffset now, string? avoidAgentId = null, CancellationToken cancellationToken = default);

    /// <summary>Takes the complaint off its agent's load (closed, or about to be reassigned). Nothing happens when it has no agent.</summary>
    Task ReleaseAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or updates the roster's agents (name, email, team, active), keeping their load counters; agents not in
    /// <paramref name="roster"/> are left as they are.
    /// </summary>
    Task SeedAsync(IEnumerable<AgentOptions> roster, CancellationToken cancellationToken = default);
}
