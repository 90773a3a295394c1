using System.Net.Mail;

namespace ComplaintFlow.Core.Assignment;

/// <summary>One agent of the roster in configuration (<c>Agents</c>, a list).</summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section holding the roster.</summary>
    public const string Section = "Agents";

    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Team { get; set; } = string.Empty;

    public bool Active { get; set; } = true;

    /// <summary>
    /// Checks a roster against the routing: ids unique and usable in storage keys, every email well formed, every
    /// team that receives complaints has an active agent, and every team lead and the manager are in the roster.
    /// An empty roster is valid (agents may be managed in storage directly).
    /// </summary>
    public static IEnumerable<string> ValidateRoster(IReadOnlyList<AgentOptions> roster, RoutingOptions routing)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(routing);
        if (roster.Count == 0)
        {
            yield break;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < roster.Count; i++)
        {
            var agent = roster[i];
            var at = $"Agents:{i}";
            if (string.IsNullOrWhiteSpace(agent.Id) || agent.Id.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?') || agent.Id.Length > 100)
            {
                yield return $"{at}:Id must be 1-100 characters without '/', '\\', '#', '?' or control characters.";
            }
            else if (!ids.Add(agent.Id))
            {
                yield return $"{at}:Id '{agent.Id}' appears twice in the roster.";
            }

            if (string.IsNullOrWhiteSpace(agent.Name))
            {
                yield return $"{at}:Name is required (it is used in emails).";
            }

            if (!MailAddress.TryCreate(agent.Email, out _))
            {
                yield return $"{at}:Email is not an email address.";
            }

            if (string.IsNullOrWhiteSpace(agent.Team))
            {
                yield return $"{at}:Team is required.";
            }
        }

        foreach (var team in routing.Teams)
        {
            if (!roster.Any(a => a.Active && string.Equals(a.Team, team.Name, StringComparison.Ordinal)))
            {
                yield return $"Teams: team '{team.Name}' has no active agent in Agents, so its complaints could not be assigned.";
            }

            if (!string.IsNullOrWhiteSpace(team.Lead) && !ids.Contains(team.Lead))
            {
                yield return $"Teams: the lead '{team.Lead}' of team '{team.Name}' is not in Agents.";
            }
        }

        if (!ids.Contains(routing.Manager))
        {
            yield return $"Routing:Manager '{routing.Manager}' is not in Agents.";
        }
    }
}
