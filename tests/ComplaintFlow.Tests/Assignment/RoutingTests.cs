using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Local.DevServices;
using Microsoft.Extensions.Configuration;

namespace ComplaintFlow.Tests.Assignment;

public sealed class RoutingTests
{
    private readonly RoutingPolicy _routing = new(new RoutingOptions());

    [Theory]
    [InlineData(Category.TechnicalFailure, "tech")]
    [InlineData(Category.Account, "tech")]
    [InlineData(Category.Payment, "payments")]
    [InlineData(Category.Price, "payments")]
    [InlineData(Category.Delivery, "delivery")]
    [InlineData(Category.ProductQuality, "delivery")]
    [InlineData(Category.ServiceAttitude, "care")]
    [InlineData(Category.Privacy, "care")]
    [InlineData(Category.Other, "care")]
    public void Each_category_goes_to_its_default_team(Category category, string team) => Assert.Equal(team, _routing.TeamFor(category));

    [Fact]
    public void Tier_one_is_the_chosen_agent_tier_two_the_lead_tier_three_the_manager()
    {
        Assert.Equal("wang.fang", _routing.AssigneeForTier("tech", 1, "wang.fang"));
        Assert.Equal("tech-lead", _routing.AssigneeForTier("tech", 2, "wang.fang"));
        Assert.Equal("manager", _routing.AssigneeForTier("tech", 3, "wang.fang"));
        Assert.Throws<InvalidOperationException>(() => _routing.AssigneeForTier("no-such-team", 2, "x"));
    }

    [Fact]
    public void A_category_no_team_lists_goes_to_the_default_team()
    {
        var options = new RoutingOptions
        {
            Teams = [new TeamOptions { Name = "all", Lead = "boss", Categories = [Category.Payment] }],
            DefaultTeam = "all",
        };

        Assert.Equal("all", new RoutingPolicy(options).TeamFor(Category.Suggestion));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void The_least_loaded_active_agent_wins_ties_go_to_the_longest_waiting()
    {
        var t = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Agent[] agents =
        [
            new("busy", "B", "b@x.example", "care", true, 3, t.AddHours(-9)),
            new("recent", "R", "r@x.example", "care", true, 1, t),
            new("waiting", "W", "w@x.example", "care", true, 1, t.AddHours(-2)),
            new("away", "A", "a@x.example", "care", false, 0, null),
        ];

        Assert.Equal("waiting", RoutingPolicy.PickLeastLoaded(agents)!.Id);
        Assert.Null(RoutingPolicy.PickLeastLoaded(agents.Where(a => !a.Active)));
    }

    [Fact]
    public void Bad_routing_is_reported_with_the_setting_to_fix()
    {
        var options = new RoutingOptions
        {
            Teams =
            [
                new TeamOptions { Name = "tech", Lead = "", Categories = [Category.Payment] },
                new TeamOptions { Name = "tech", Lead = "x", Categories = [Category.Payment] },
            ],
            Manager = " ",
            DefaultTeam = "care",
        };

        var errors = options.Validate().ToList();

        Assert.Contains("Teams: team 'tech' needs a Lead (the agent id who takes tier-2 escalations).", errors);
        Assert.Contains("Teams: team 'tech' appears twice.", errors);
        Assert.Contains("Teams: category Payment is listed by both 'tech' and 'tech'.", errors);
        Assert.Contains("Routing:Manager must be the agent id of the complaints manager.", errors);
        Assert.Contains(errors, e => e.StartsWith("Routing:DefaultTeam 'care'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_development_roster_fits_the_default_routing()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(NodeTools.FindRepositoryRoot(), "functions", "ComplaintFlow.Local", "appsettings.Development.json"))
            .Build();
        var roster = configuration.GetSection(AgentOptions.Section).Get<List<AgentOptions>>()!;

        Assert.Empty(AgentOptions.ValidateRoster(roster, new RoutingOptions()));
        Assert.DoesNotContain(roster, a => a.Id.EndsWith("-lead", StringComparison.Ordinal) && new RoutingOptions().Teams.Any(t => t.Name == a.Team));
    }

    [Fact]
    public void A_roster_that_leaves_a_team_unstaffed_or_misses_a_lead_is_reported()
    {
        List<AgentOptions> roster =
        [
            new() { Id = "a", Name = "A", Email = "a@x.example", Team = "tech" },
            new() { Id = "a", Name = "", Email = "not-an-email", Team = "payments", Active = false },
        ];

        var errors = AgentOptions.ValidateRoster(roster, new RoutingOptions()).ToList();

        Assert.Contains("Agents:1:Id 'a' appears twice in the roster.", errors);
        Assert.Contains("Agents:1:Name is required (it is used in emails).", errors);
        Assert.Contains("Agents:1:Email is not an email address.", errors);
        Assert.Contains("Teams: team 'payments' has no active agent in Agents, so its complaints could not be assigned.", errors);
        Assert.Contains("Teams: the lead 'tech-lead' of team 'tech' is not in Agents.", errors);
        Assert.Contains("Routing:Manager 'manager' is not in Agents.", errors);
        Assert.Empty(AgentOptions.ValidateRoster([], new RoutingOptions()));
    }
}
