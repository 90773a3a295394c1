using ComplaintFlow.Core.Assignment;

namespace ComplaintFlow.Local.InMemory;

/// <summary><see cref="IAgentDirectory"/> in memory, with the same choice rules as the table directory.</summary>
public sealed class InMemoryAgentDirectory : IAgentDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentAssignment> _holders = new(StringComparer.Ordinal);

    public Task<Agent?> FindAsync(string agentId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_agents.GetValueOrDefault(agentId));
        }
    }

    public Task<IReadOnlyList<Agent>> ListTeamAsync(string team, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Agent>>([.. _agents.Values.Where(a => a.Team == team)]);
        }
    }

    public Task<AgentAssignment> AssignAsync(string team, string complaintId, DateTimeOffset now, string? avoidAgentId = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_holders.TryGetValue(complaintId, out var existing))
            {
                return Task.FromResult(existing);
            }

            var members = _agents.Values.Where(a => a.Team == team).ToList();
            var pick = RoutingPolicy.PickFor(team, members, avoidAgentId);
            _agents[pick.Id] = pick with { OpenComplaints = pick.OpenComplaints + 1, LastAssignedAt = now };
            var assignment = new AgentAssignment(complaintId, team, pick.Id);
            _holders[complaintId] = assignment;
            return Task.FromResult(assignment);
        }
    }

    public Task ReleaseAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_holders.Remove(complaintId, out var holder) && _agents.TryGetValue(holder.AgentId, out var agent))
            {
                _agents[agent.Id] = agent with { OpenComplaints = Math.Max(0, agent.OpenComplaints - 1) };
            }
        }

        return Task.CompletedTask;
    }

    public Task SeedAsync(IEnumerable<AgentOptions> roster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        lock (_lock)
        {
            foreach (var a in roster)
            {
                var load = _agents.TryGetValue(a.Id, out var known) ? known : null;
                _agents[a.Id] = new Agent(a.Id, a.Name, a.Email, a.Team, a.Active, load?.OpenComplaints ?? 0, load?.LastAssignedAt);
            }
        }

        return Task.CompletedTask;
    }
}
