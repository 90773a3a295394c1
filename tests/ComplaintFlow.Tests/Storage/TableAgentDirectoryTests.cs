using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Storage;

/// <summary>The roster and assignment counters on a real Azurite.</summary>
public sealed class TableAgentDirectoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complaints_go_to_the_least_loaded_active_agent_and_ties_to_the_one_waiting_longest()
    {
        var directory = await NewDirectoryAsync(Agent("a", "tech"), Agent("b", "tech"), Agent("c", "tech", active: false), Agent("d", "payments"));

        var first = await directory.AssignAsync("tech", "C-1", Now, null, _ct);
        var second = await directory.AssignAsync("tech", "C-2", Now.AddMinutes(1), null, _ct);
        await directory.ReleaseAsync("C-1", _ct);
        await directory.ReleaseAsync("C-2", _ct);
        var third = await directory.AssignAsync("tech", "C-3", Now.AddMinutes(2), null, _ct);
        var fourth = await directory.AssignAsync("tech", "C-4", Now.AddMinutes(3), null, _ct);

        Assert.Equal("a", first.AgentId); // equal load, never assigned: stable by id
        Assert.Equal("b", second.AgentId); // a has one open; c is inactive
        Assert.Equal("a", third.AgentId); // both at zero again: a has waited longer since its last one
        Assert.Equal("b", fourth.AgentId);
        Assert.Equal(1, (await directory.FindAsync("a", _ct))!.OpenComplaints);
        Assert.Equal(1, (await directory.FindAsync("b", _ct))!.OpenComplaints);
        Assert.Equal(0, (await directory.FindAsync("c", _ct))!.OpenComplaints);
    }

    [Fact]
    public async Task Assigning_the_same_complaint_again_returns_the_same_agent_and_counts_once()
    {
        var directory = await NewDirectoryAsync(Agent("a", "tech"), Agent("b", "tech"));

        var first = await directory.AssignAsync("tech", "C-1", Now, null, _ct);
        var repeats = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => directory.AssignAsync("tech", "C-1", Now, null, _ct)));

        Assert.All(repeats, r => Assert.Equal(first.AgentId, r.AgentId));
        var team = await directory.ListTeamAsync("tech", _ct);
        Assert.Equal(1, team.Sum(a => a.OpenComplaints));
    }

    [Fact]
    public async Task Releasing_twice_or_releasing_an_unassigned_complaint_changes_nothing_more()
    {
        var directory = await NewDirectoryAsync(Agent("a", "tech"));
        await directory.AssignAsync("tech", "C-1", Now, null, _ct);
        await directory.AssignAsync("tech", "C-2", Now, null, _ct);

        await directory.ReleaseAsync("C-1", _ct);
        await directory.ReleaseAsync("C-1", _ct);
        await directory.ReleaseAsync("C-never", _ct);

        Assert.Equal(1, (await directory.FindAsync("a", _ct))!.OpenComplaints);
    }

    [Fact]
    public async Task Concurrent_assignments_count_every_complaint_exactly_once()
    {
        var directory = await NewDirectoryAsync(Agent("a", "care"), Agent("b", "care"), Agent("c", "care"));

        var assignments = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => directory.AssignAsync("care", $"C-{i}", Now.AddSeconds(i), null, _ct)));

        var team = await directory.ListTeamAsync("care", _ct);
        Assert.Equal(30, team.Sum(a => a.OpenComplaints));
        foreach (var agent in team)
        {
            Assert.Equal(assignments.Count(x => x.AgentId == agent.Id), agent.OpenComplaints);
        }
    }

    [Fact]
    public async Task A_reassignment_passes_over_the_previous_agent_unless_nobody_else_is_active()
    {
        var directory = await NewDirectoryAsync(Agent("a", "tech"), Agent("b", "tech"), Agent("solo", "care"));
        await directory.AssignAsync("tech", "C-0", Now, null, _ct); // a now has more load than b

        var moved = await directory.AssignAsync("tech", "C-1", Now, avoidAgentId: "b", _ct);
        var alone = await directory.AssignAsync("care", "C-2", Now, avoidAgentId: "solo", _ct);

        Assert.Equal("a", moved.AgentId);
        Assert.Equal("solo", alone.AgentId);
    }

    [Fact]
    public async Task A_team_without_active_agents_is_a_clear_error()
    {
        var directory = await NewDirectoryAsync(Agent("a", "tech", active: false));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => directory.AssignAsync("tech", "C-1", Now, null, _ct));

        Assert.Contains("Team 'tech' has no active agent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_again_updates_names_and_teams_but_keeps_the_load()
    {
        var directory = await NewDirectoryAsync(Agent("a", "tech"));
        await directory.AssignAsync("tech", "C-1", Now, null, _ct);

        await directory.SeedAsync([new AgentOptions { Id = "a", Name = "王芳", Email = "wang.fang@example.com", Team = "care" }], _ct);

        var agent = await directory.FindAsync("a", _ct);
        Assert.Equal(new Agent("a", "王芳", "wang.fang@example.com", "care", true, 1, Now), agent);
        Assert.Null(await directory.FindAsync("nobody", _ct));
    }

    private static AgentOptions Agent(string id, string team, bool active = true) =>
        new() { Id = id, Name = id.ToUpperInvariant(), Email = $"{id}@agents.example", Team = team, Active = active };

    private async Task<TableAgentDirectory> NewDirectoryAsync(params AgentOptions[] roster)
    {
        var names = new TableNames(AzuriteFixture.UniqueName("a"));
        await azurite.TableService().CreateTableIfNotExistsAsync(names.Agents, _ct);
        var directory = new TableAgentDirectory(azurite.TableService(), names);
        await directory.SeedAsync(roster, _ct);
        return directory;
    }
}
