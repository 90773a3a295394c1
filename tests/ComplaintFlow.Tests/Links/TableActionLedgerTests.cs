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

        var earlier = await _ledger.TryRecordAsync(claims, "Resolved: refund 25.00", TestLinks.Now, ct);
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
        await _ledger.TryRecordAsync(claims, "Satisfied, rated 5", TestLinks.Now, ct);

        var earlier = await _ledger.TryRecordAsync(claims, "Not satisfied", TestLinks.Now.AddHours(3), ct);

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
            Task.Run(() => _ledger.TryRecordAsync(claims, $"Decision {i}", TestLinks.Now.AddSeconds(i), ct), ct)));

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

        var first = await _ledger.TryRecordAsync(agentLink, "Resolved", TestLinks.Now, ct);
        var second = await _ledger.TryRecordAsync(customerLink, "Satisfied, rated 4", TestLinks.Now.AddDays(1), ct);

        Assert.Null(first);
        Assert.Null(second);
    }
}
