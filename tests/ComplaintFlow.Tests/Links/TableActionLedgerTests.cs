using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Links;

public sealed class TableActionLedgerTests(AzuriteFixture azurite)
{
    private readonly TableActionLedger _ledger = new(azurite.TableService(), AzuriteFixture.UniqueName("actions"));

    [Fact]
    public async Task First_use_of_a_link_is_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var claims = ActionClaimsBuilder.AgentDecision().ForGeneration(2).Build();

        var earlier = await _ledger.TryRecordAsync(claims, Step(claims), "Resolved: refund 25.00", TestLinks.Now, ct);
        var found = await _ledger.FindAsync(claims, ct);

        Assert.Null(earlier);
        Assert.Equal(
            new LedgerEntry(claims.ComplaintId, claims.Nonce, ActionPurpose.AgentDecision, "agent-zhang-wei", 2, "Resolved: refund 25.00", TestLinks.Now),
            found);
    }

    [Fact]
    public async Task Second_use_of_a_link_returns_what_the_first_recorded_and_when()
    {
        var ct = TestContext.Current.CancellationToken;
        var claims = ActionClaimsBuilder.CustomerConfirmation().Build();
        await _ledger.TryRecordAsync(claims, Step(claims), "Satisfied, rated 5", TestLinks.Now, ct);

        var earlier = await _ledger.TryRecordAsync(claims, Step(claims), "Not satisfied", TestLinks.Now.AddHours(3), ct);

        Assert.NotNull(earlier);
        Assert.Equal("Satisfied, rated 5", earlier.OutcomeSummary);
        Assert.Equal(TestLinks.Now, earlier.RecordedAt);
        Assert.Equal("Satisfied, rated 5", (await _ledger.FindAsync(claims, ct))!.OutcomeSummary);
    }

    [Fact]
    public async Task Twenty_simultaneous_uses_of_one_link_record_exactly_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var claims = ActionClaimsBuilder.AgentDecision().Build();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _ledger.TryRecordAsync(claims, Step(claims), $"Decision {i}", TestLinks.Now.AddSeconds(i), ct), ct)));

        Assert.Single(results, result => result is null);
        var winner = await _ledger.FindAsync(claims, ct);
        Assert.NotNull(winner);
        Assert.All(results.Where(result => result is not null), result => Assert.Equal(winner, result));
    }

    [Fact]
    public async Task Unused_link_has_no_entry_even_before_the_table_exists()
    {
        var claims = ActionClaimsBuilder.AgentDecision().Build();

        Assert.Null(await _ledger.FindAsync(claims, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Links_of_one_complaint_are_used_independently()
    {
        var ct = TestContext.Current.CancellationToken;
        const string complaint = "C-202611-0000000001";
        var agentLink = ActionClaimsBuilder.AgentDecision().ForComplaint(complaint).Build();
        var customerLink = ActionClaimsBuilder.CustomerConfirmation().ForComplaint(complaint).Build();

        var first = await _ledger.TryRecordAsync(agentLink, Step(agentLink), "Resolved", TestLinks.Now, ct);
        var second = await _ledger.TryRecordAsync(customerLink, Step(customerLink), "Satisfied, rated 4", TestLinks.Now.AddDays(1), ct);

        Assert.Null(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task Two_links_for_one_step_used_at_once_record_one_and_the_other_learns_who_acted_first()
    {
        var ct = TestContext.Current.CancellationToken;
        const string complaint = "C-202611-0000000002";
        var assignmentLink = ActionClaimsBuilder.AgentDecision("agent-zhang-wei").ForComplaint(complaint).Build();
        var reminderLink = ActionClaimsBuilder.AgentDecision("agent-zhang-wei").ForComplaint(complaint).Build();
        Assert.NotEqual(assignmentLink.Nonce, reminderLink.Nonce);

        var results = await Task.WhenAll(
            Task.Run(() => _ledger.TryRecordAsync(assignmentLink, "AgentDecision-0-1", "Resolved", TestLinks.Now, ct), ct),
            Task.Run(() => _ledger.TryRecordAsync(reminderLink, "AgentDecision-0-1", "Rejected", TestLinks.Now.AddSeconds(1), ct), ct));

        var loser = Assert.Single(results, r => r is not null)!;
        var (winner, other) = results[0] is null ? (assignmentLink, reminderLink) : (reminderLink, assignmentLink);
        Assert.Equal(winner.Nonce, loser.Nonce);
        Assert.Equal(winner == assignmentLink ? "Resolved" : "Rejected", loser.OutcomeSummary);
        Assert.Equal(loser, await _ledger.FindStepAsync(complaint, "AgentDecision-0-1", ct));
        Assert.Null(await _ledger.FindAsync(other, ct));
        Assert.Null(await _ledger.TryRecordAsync(other, "AgentDecision-0-2", "Resolved", TestLinks.Now.AddHours(1), ct));
    }

    private static string Step(ActionClaims claims) => $"{claims.Purpose}-{claims.Generation}-1";
}
