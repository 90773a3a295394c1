using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Storage;

/// <summary>Accepted deliveries on a real Azurite: what makes a repeat answer as the first did, and what a sweep after a crash finds.</summary>
public sealed class TableDeliveryLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private TableNames? _names;

    [Fact]
    public async Task The_first_delivery_is_stored_whole_and_a_repeat_reads_it_back()
    {
        var ledger = await NewLedgerAsync();
        var json = SubmissionBuilder.Valid().InChinese().WithSeverityHint("Urgent").WithMetadata("appVersion", "5.2.0").ToJson();
        var delivery = Delivery("webhook", "msg_1", json);

        Assert.Null(await ledger.TryAcceptAsync(delivery, _ct));
        var repeat = await ledger.TryAcceptAsync(Delivery("webhook", "msg_1", json), _ct);

        Assert.NotNull(repeat);
        Assert.Equal(delivery.ComplaintId, repeat.ComplaintId);
        Assert.Equal(delivery.FirstResponseDue, repeat.FirstResponseDue);
        Assert.True(repeat.IsSameRequest(delivery.Fingerprint));
        Assert.False(repeat.IsRecorded);
        Assert.Equal("订单 123 配送超时两个小时，骑手还辱骂我。", repeat.Submission!.Description);
        Assert.Equal(Severity.Urgent, repeat.Submission.SeverityHint);
        Assert.Equal("5.2.0", repeat.Submission.Metadata["appVersion"]);
        Assert.Equal("李雷", repeat.Submission.Customer.Name);
    }

    [Fact]
    public async Task Of_many_concurrent_deliveries_exactly_one_is_accepted_and_all_agree_on_the_complaint()
    {
        var ledger = await NewLedgerAsync();
        var json = SubmissionBuilder.Valid().ToJson();
        var candidates = Enumerable.Range(0, 20).Select(_ => Delivery("webhook", "msg_race", json)).ToList();

        var results = await Task.WhenAll(candidates.Select(c => ledger.TryAcceptAsync(c, _ct)));

        var winner = candidates[Assert.Single(Enumerable.Range(0, 20), i => results[i] is null)];
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(winner.ComplaintId, r!.ComplaintId));
    }

    [Fact]
    public async Task A_recorded_delivery_keeps_its_answer_but_no_personal_data_and_leaves_the_sweep()
    {
        var ledger = await NewLedgerAsync();
        var kept = Delivery("webhook", "msg_kept", SubmissionBuilder.Valid().ToJson());
        var recorded = Delivery("queue", "msg_done", SubmissionBuilder.Valid().WithEmail("private@example.com").ToJson());
        await ledger.TryAcceptAsync(kept, _ct);
        await ledger.TryAcceptAsync(recorded, _ct);

        await ledger.MarkRecordedAsync(recorded, recorded.ComplaintId, _ct);

        var unrecorded = await ledger.ListUnrecordedAsync(Now.AddSeconds(1), _ct).ToListAsync(_ct);
        Assert.Equal([kept.ComplaintId], unrecorded.Select(d => d.ComplaintId));
        Assert.Equal(kept.Key, unrecorded[0].Key);
        var after = await ledger.FindAsync(recorded.Key, _ct);
        Assert.Equal(recorded.ComplaintId, after!.RecordedAs);
        Assert.Null(after.Submission);
        Assert.Equal(recorded.FirstResponseDue, after.FirstResponseDue);
        var row = await azurite.TableService().GetTableClient(_names!.Deliveries).GetEntityAsync<Azure.Data.Tables.TableEntity>("queue", "msg_done", cancellationToken: _ct);
        Assert.DoesNotContain(row.Value, p => p.Value is string s && s.Contains("private@example.com", StringComparison.Ordinal));
        Assert.Empty(await ledger.ListUnrecordedAsync(Now.AddSeconds(-1), _ct).ToListAsync(_ct));
    }

    [Fact]
    public async Task An_external_id_is_held_by_the_first_complaint_and_a_later_id_leads_to_it()
    {
        var ledger = await NewLedgerAsync();
        var first = ComplaintId.New(Now);
        var later = Delivery("webhook", "msg_later", SubmissionBuilder.Valid().ToJson());
        await ledger.TryAcceptAsync(later, _ct);

        Assert.Equal(first, await ledger.ClaimExternalIdAsync(Channel.AppFeedback, "fb-1", first, _ct));
        Assert.Equal(first, await ledger.ClaimExternalIdAsync(Channel.AppFeedback, "fb-1", first, _ct));
        Assert.Equal(first, await ledger.ClaimExternalIdAsync(Channel.AppFeedback, "fb-1", later.ComplaintId, _ct));
        Assert.Equal(later.ComplaintId, await ledger.ClaimExternalIdAsync(Channel.Web, "fb-1", later.ComplaintId, _ct));

        await ledger.MarkRecordedAsync(later, first, _ct);

        Assert.Equal(first, await ledger.FindRecordedAsAsync(later.ComplaintId, _ct));
        Assert.Equal(first, (await ledger.FindAsync(later.Key, _ct))!.RecordedAs);
        Assert.Null(await ledger.FindRecordedAsAsync(first, _ct));
    }

    [Fact]
    public async Task External_ids_claimed_together_go_to_the_first_claimant_even_when_one_was_claimed_before()
    {
        var ledger = await NewLedgerAsync();
        var deliveries = Enumerable.Range(0, 130).Select(i => Delivery("webhook", $"msg_claim_{i}", SubmissionBuilder.Valid().WithExternalId($"fb-claim-{i % 120}").ToJson())).ToList();
        var earlier = ComplaintId.New(Now);
        await ledger.ClaimExternalIdAsync(Channel.AppFeedback, "fb-claim-7", earlier, _ct);

        var holders = await ledger.ClaimExternalIdsAsync(deliveries, _ct);

        Assert.Equal(130, holders.Count);
        Assert.Equal(earlier, holders[deliveries[7].ComplaintId]);
        Assert.Equal(deliveries[3].ComplaintId, holders[deliveries[3].ComplaintId]);
        Assert.Equal(deliveries[0].ComplaintId, holders[deliveries[120].ComplaintId]);
        Assert.Equal(deliveries[5].ComplaintId, holders[deliveries[125].ComplaintId]);
    }

    [Fact]
    public async Task Deliveries_marked_recorded_together_are_all_recorded()
    {
        var ledger = await NewLedgerAsync();
        var deliveries = Enumerable.Range(0, 150).Select(i => Delivery(i % 3 == 0 ? "queue" : "webhook", $"msg_mark_{i}", SubmissionBuilder.Valid().ToJson())).ToList();
        foreach (var delivery in deliveries)
        {
            await ledger.TryAcceptAsync(delivery, _ct);
        }

        await ledger.MarkRecordedAsync(deliveries, _ct);

        Assert.Empty(await ledger.ListUnrecordedAsync(Now, _ct).ToListAsync(_ct));
        Assert.Equal(deliveries[99].ComplaintId, (await ledger.FindAsync(deliveries[99].Key, _ct))!.RecordedAs);
    }

    [Fact]
    public async Task Deliveries_recorded_before_the_cut_off_are_forgotten_and_unrecorded_ones_kept()
    {
        var ledger = await NewLedgerAsync();
        var recorded = Enumerable.Range(0, 120).Select(i => Delivery("webhook", $"msg_old_{i}", SubmissionBuilder.Valid().ToJson())).ToList();
        var unrecorded = Delivery("queue", "msg_waiting", SubmissionBuilder.Valid().ToJson());
        foreach (var delivery in recorded.Append(unrecorded))
        {
            await ledger.TryAcceptAsync(delivery, _ct);
        }

        await ledger.MarkRecordedAsync(recorded, _ct);
        Assert.Equal(0, await ledger.ForgetRecordedAsync(DateTimeOffset.UtcNow.AddMinutes(-10), _ct));

        Assert.Equal(120, await ledger.ForgetRecordedAsync(DateTimeOffset.UtcNow.AddMinutes(1), _ct));

        Assert.Null(await ledger.FindAsync(recorded[0].Key, _ct));
        Assert.NotNull(await ledger.FindAsync(unrecorded.Key, _ct));
        Assert.Null(await ledger.TryAcceptAsync(Delivery("webhook", "msg_old_0", SubmissionBuilder.Valid().ToJson()), _ct));
    }

    [Theory]
    [InlineData("msg/with/slashes")]
    [InlineData("msg#hash?query")]
    [InlineData("渠道|外部编号-0001")]
    [InlineData("a-very-long-key-")]
    public async Task Keys_with_characters_tables_forbid_or_of_any_length_work(string key)
    {
        var ledger = await NewLedgerAsync();
        var longKey = key.EndsWith('-') ? key + new string('k', 2_000) : key;
        var json = SubmissionBuilder.Valid().ToJson();
        var delivery = Delivery("webhook", longKey, json);

        Assert.Null(await ledger.TryAcceptAsync(delivery, _ct));
        Assert.Equal(delivery.ComplaintId, (await ledger.TryAcceptAsync(Delivery("webhook", longKey, json), _ct))!.ComplaintId);
        Assert.Null(await ledger.TryAcceptAsync(Delivery("webhook", longKey + "2", json), _ct));
        Assert.Equal(longKey, (await ledger.FindAsync(new IntakeKey("webhook", longKey), _ct))!.Key.Key);
    }

    [Fact]
    public async Task The_same_key_in_different_scopes_is_different()
    {
        var ledger = await NewLedgerAsync();
        var json = SubmissionBuilder.Valid().ToJson();

        Assert.Null(await ledger.TryAcceptAsync(Delivery("webhook", "k1", json), _ct));
        Assert.Null(await ledger.TryAcceptAsync(Delivery("queue", "k1", json), _ct));
    }

    [Fact]
    public async Task The_largest_valid_submission_comes_back_unchanged()
    {
        var ledger = await NewLedgerAsync();
        var builder = SubmissionBuilder.Valid().WithDescription(new string('长', SubmissionLimits.MaxDescriptionLength - 2) + "😀");
        for (var i = 0; i < SubmissionLimits.MaxMetadataEntries; i++)
        {
            builder.WithMetadata($"k{i:D2}".PadRight(SubmissionLimits.MaxMetadataKeyLength, 'k'), new string('值', SubmissionLimits.MaxMetadataValueLength));
        }

        var delivery = Delivery("webhook", "msg_big", builder.ToJson());

        Assert.Null(await ledger.TryAcceptAsync(delivery, _ct));

        var stored = (await ledger.FindAsync(delivery.Key, _ct))!.Submission!;
        Assert.Equal(delivery.Submission!.Description, stored.Description);
        Assert.Equal(delivery.Submission.Metadata, stored.Metadata);
    }

    private static AcceptedDelivery Delivery(string scope, string key, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var parsed = SubmissionParser.Parse(body);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return new AcceptedDelivery(new IntakeKey(scope, key), ComplaintId.New(Now), RequestFingerprint.Of(body), Now, Now.AddHours(24), parsed.Submission);
    }

    private async Task<TableDeliveryLedger> NewLedgerAsync()
    {
        _names = new TableNames(AzuriteFixture.UniqueName("d"));
        await azurite.TableService().CreateTableIfNotExistsAsync(_names.Deliveries, _ct);
        return new TableDeliveryLedger(azurite.TableService(), _names);
    }
}
