using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Assignment;

/// <summary>
/// Who gets which complaint: the teams (section <c>Teams</c>, a list that replaces the defaults when configured), the
/// complaints manager (tier 3) and the team for categories no team lists (section <c>Routing</c>).
/// </summary>
public sealed class RoutingOptions
{
    /// <summary>The section holding <see cref="Manager"/> and <see cref="DefaultTeam"/>.</summary>
    public const string SectionName = "Routing";

    /// <summary>The section holding the list of teams.</summary>
    public const string TeamsSection = "Teams";

    public List<TeamOptions> Teams { get; set; } = DefaultTeams();

    /// <summary>The agent id of the complaints manager (tier 3, alerts).</summary>
    public string Manager { get; set; } = "manager";

    /// <summary>The team for a category no team lists.</summary>
    public string DefaultTeam { get; set; } = "care";

    public IEnumerable<string> Validate()
    {
        if (Teams.Count == 0)
        {
            yield return "Teams must list at least one team.";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<Category, string>();
        foreach (var team in Teams)
        {
            if (string.IsNullOrWhiteSpace(team.Name))
            {
                yield return "Teams: every team needs a Name.";
                continue;
            }

            if (!names.Add(team.Name))
            {
                yield return $"Teams: team '{team.Name}' appears twice.";
            }

            if (string.IsNullOrWhiteSpace(team.Lead))
            {
                yield return $"Teams: team '{team.Name}' needs a Lead (the agent id who takes tier-2 escalations).";
            }

            foreach (var category in team.Categories)
            {
                if (!owners.TryAdd(category, team.Name))
                {
                    yield return $"Teams: category {category} is listed by both '{owners[category]}' and '{team.Name}'.";
                }
            }
        }

        if (string.IsNullOrWhiteSpace(Manager))
        {
            yield return "Routing:Manager must be the agent id of the complaints manager.";
        }

        if (Teams.Count > 0 && !names.Contains(DefaultTeam))
        {
            yield return $"Routing:DefaultTeam '{DefaultTeam}' is not one of the Teams ({string.Join(", ", names)}).";
        }
    }

    /// <summary>The demo organisation: tech, payments, delivery and customer care, each with a lead.</summary>
    public static List<TeamOptions> DefaultTeams() =>
    [
        new() { Name = "tech", Lead = "tech-lead", Categories = [Category.TechnicalFailure, Category.Account] },
        new() { Name = "payments", Lead = "payments-lead", Categories = [Category.Payment, Category.Price] },
        new() { Name = "delivery", Lead = "delivery-lead", Categories = [Category.Delivery, Category.ProductQuality] },
        new() { Name = "care", Lead = "care-lead", Categories = [Category.ServiceAttitude, Category.Privacy, Category.Suggestion, Category.Other] },
    ];
}
