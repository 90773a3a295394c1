using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Assignment;

/// <summary>Which team handles a category, and who holds a complaint at each escalation tier.</summary>
public sealed class RoutingPolicy
{
    private readonly Dictionary<Category, string> _teamByCategory = [];
    private readonly Dictionary<string, string> _leadByTeam = new(StringComparer.Ordinal);
    private readonly string _defaultTeam;

    public RoutingPolicy(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var team in options.Teams)
        {
            _leadByTeam[team.Name] = team.Lead;
            foreach (var category in team.Categories)
            {
                _teamByCategory.TryAdd(category, team.Name);
            }
        }

        _defaultTeam = options.DefaultTeam;
        Manager = options.Manager;
    }

    /// <summary>The complaints manager's agent id (tier 3).</summary>
    public string Manager { get; }

    public string TeamFor(Category category) => _teamByCategory.GetValueOrDefault(category, _defaultTeam);

    /// <summary>The team's lead (tier 2).</summary>
    public string LeadOf(string team) =>
        _leadByTeam.TryGetValue(team, out var lead) ? lead : throw new InvalidOperationException($"Team '{team}' is not configured under Teams.");

    /// <summary>Tier 1: the team's agent chosen by load; tier 2: the team lead; tier 3 and up: the manager.</summary>
    public string AssigneeForTier(string team, int tier, string tierOneAgent) => tier switch
    {
        <= 1 => tierOneAgent,
        2 => LeadOf(team),
        _ => Manager,
    };

    /// <summary>
    /// The active agent with the fewest open complaints; ties go to the one whose last assignment is oldest (never
    /// assigned counts as oldest), then by id so the choice is stable. Null when nobody is active.
    /// </summary>
    public static Agent? PickLeastLoaded(IEnumerable<Agent> agents) =>
        agents.Where(a => a.Active)
            .OrderBy(a => a.OpenComplaints)
            .ThenBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// The agent of <paramref name="team"/> who gets a complaint: <see cref="PickLeastLoaded"/>, passing over
    /// <paramref name="avoidAgentId"/> (a reassignment) while anyone else is active. Throws
    /// <see cref="InvalidOperationException"/> when the team has no active agent.
    /// </summary>
    public static Agent PickFor(string team, IReadOnlyCollection<Agent> members, string? avoidAgentId) =>
        PickLeastLoaded(members.Where(a => a.Id != avoidAgentId)) ?? PickLeastLoaded(members)
        ?? throw new InvalidOperationException($"Team '{team}' has no active agent; add one under Agents in the configuration (or set one active).");
}
