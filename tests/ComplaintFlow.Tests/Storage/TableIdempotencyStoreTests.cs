using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Storage;

/// <summary>Delivery keys on a real Azurite: what makes a repeat delivery answer as the first did.</summary>
public sealed class TableIdempotencyStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_delivery_reserves_the_key_and_a_repeat_finds_it_with_its_answer()
    {
        var store = await NewStoreAsync();
        var id = ComplaintId.New(Now);
        var fingerprint = RequestFingerprint.Of("{\"description\":\"x\"}"u8);

        Assert.Null(await store.TryReserveAsync("webhook", "msg_1", fingerprint, id, Now, _ct));
        var pending = await store.TryReserveAsync("webhook", "msg_1", fingerprint, ComplaintId.New(Now), Now, _ct);
        Assert.NotNull(pending);
        Assert.Equal(id, pending.ComplaintId);
        Assert.False(pending.IsCompleted);

        await store.CompleteAsync("webhook", "msg_1", 202, "{\"complaintId\":\"" + id.Value + "\"}", _ct);
        var repeat = await store.TryReserveAsync("webhook", "msg_1", fingerprint, ComplaintId.New(Now), Now.AddMinutes(1), _ct);

        Assert.NotNull(repeat);
        Assert.True(repeat.IsCompleted);
        Assert.Equal(202, repeat.Status);
        Assert.Contains(id.Value, repeat.ResponseBody, StringComparison.Ordinal);
        Assert.True(repeat.IsSameRequest(fingerprint));
        Assert.False(repeat.IsSameRequest(RequestFingerprint.Of("{\"description\":\"y\"}"u8)));
    }

    [Fact]
    public async Task Of_many_concurrent_deliveries_exactly_one_reserves_and_all_agree_on_the_complaint()
    {
        var store = await NewStoreAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
        {
            var candidate = ComplaintId.New(Now);
            return store.TryReserveAsync("webhook", "msg_race", "f", candidate, Now, _ct).ContinueWith(t => (candidate, record: t.Result), TaskScheduler.Default);
        }));

        var winner = Assert.Single(results, r => r.record is null);
        Assert.All(results.Where(r => r.record is not null), r => Assert.Equal(winner.candidate, r.record!.ComplaintId));
    }

    [Theory]
    [InlineData("msg/with/slashes")]
    [InlineData("msg#hash?query")]
    [InlineData("渠道|外部编号-0001")]
    [InlineData("a-very-long-key-")]
    public async Task Keys_with_characters_tables_forbid_or_of_any_length_work(string key)
    {
        var store = await NewStoreAsync();
        var longKey = key.EndsWith('-') ? key + new string('k', 2_000) : key;
        var id = ComplaintId.New(Now);

        Assert.Null(await store.TryReserveAsync("external", longKey, "f", id, Now, _ct));
        Assert.Equal(id, (await store.TryReserveAsync("external", longKey, "f", ComplaintId.New(Now), Now, _ct))!.ComplaintId);
        Assert.Null(await store.TryReserveAsync("external", longKey + "2", "f", id, Now, _ct));
    }

    [Fact]
    public async Task The_same_key_in_different_scopes_is_different()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.TryReserveAsync("webhook", "k1", "f", ComplaintId.New(Now), Now, _ct));
        Assert.Null(await store.TryReserveAsync("queue", "k1", "f", ComplaintId.New(Now), Now, _ct));
    }

    private async Task<TableIdempotencyStore> NewStoreAsync()
    {
        var names = new TableNames(AzuriteFixture.UniqueName("i"));
        await azurite.TableService().CreateTableIfNotExistsAsync(names.Idempotency, _ct);
        return new TableIdempotencyStore(azurite.TableService(), names);
    }
}
