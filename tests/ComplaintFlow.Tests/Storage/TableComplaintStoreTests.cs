using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Storage;

/// <summary>The complaint store on a real Azurite.</summary>
public sealed class TableComplaintStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset November = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Chinese_complaint_with_emoji_comes_back_exactly_as_stored()
    {
        var store = await NewStoreAsync();
        var complaint = ComplaintBuilder.Chinese().Build();
        complaint.BeginVerification(November.AddMinutes(1), "step-1");
        complaint.Classify(Category.ServiceAttitude, Severity.High, "service attitude: 辱骂", November.AddMinutes(2), "step-2");

        Assert.True(await store.TryAddAsync(complaint, _ct));
        var found = await store.FindAsync(complaint.Id, _ct);

        Assert.NotNull(found);
        Assert.Equivalent(complaint.ToSnapshot(), found.Complaint.ToSnapshot(), strict: true);
        Assert.Equal("订单 123 配送超时两个小时，骑手还辱骂我。😡 请尽快处理！", found.Complaint.Description);
        Assert.Equal("小米 14", found.Complaint.Metadata["device"]);
        Assert.Equal(complaint.Timeline, await store.ReadTimelineAsync(complaint.Id, _ct));
    }

    [Fact]
    public async Task Many_complaints_added_together_across_months_are_all_stored_and_an_existing_one_is_left_as_it_was()
    {
        var store = await NewStoreAsync();
        var existing = ComplaintBuilder.Chinese().ReceivedAt(November).Build();
        var again = Complaint.Restore(existing.ToSnapshot());
        Assert.True(await store.TryAddAsync(existing, _ct));
        existing.BeginVerification(November.AddMinutes(1), "step-1");
        await store.SaveAsync(existing, (await store.FindAsync(existing.Id, _ct))!.Version, _ct);
        var fresh = Enumerable.Range(0, 120).Select(i => ComplaintBuilder.English().ReceivedAt(i % 2 == 0 ? November : November.AddMonths(1)).WithExternalId($"fb-many-{i}").Build()).ToList();

        await store.AddManyAsync([.. fresh, again], _ct);

        foreach (var complaint in fresh)
        {
            Assert.Equal($"fb-many-{fresh.IndexOf(complaint)}", (await store.FindAsync(complaint.Id, _ct))!.Complaint.ExternalId);
        }

        Assert.Equal(ComplaintStatus.Verifying, (await store.FindAsync(existing.Id, _ct))!.Complaint.Status);
    }

    [Fact]
    public async Task A_missing_complaint_is_null()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.FindAsync(ComplaintId.New(November), _ct));
    }

    [Fact]
    public async Task Adding_the_same_complaint_again_changes_nothing()
    {
        var store = await NewStoreAsync();
        var complaint = ComplaintBuilder.Chinese().Build();
        Assert.True(await store.TryAddAsync(complaint, _ct));
        var first = await store.FindAsync(complaint.Id, _ct);

        var retry = Complaint.Restore(complaint.ToSnapshot() with { Description = "a retry that must not overwrite" });
        Assert.False(await store.TryAddAsync(retry, _ct));

        var after = await store.FindAsync(complaint.Id, _ct);
        Assert.Equal(first!.Version, after!.Version);
        Assert.Equal(complaint.Description, after.Complaint.Description);
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_a_conflict_and_keeps_the_winner()
    {
        var store = await NewStoreAsync();
        var complaint = ComplaintBuilder.Chinese().Build();
        await store.TryAddAsync(complaint, _ct);
        var reader1 = (await store.FindAsync(complaint.Id, _ct))!;
        var reader2 = (await store.FindAsync(complaint.Id, _ct))!;

        reader1.Complaint.BeginVerification(November.AddMinutes(1), "winner");
        var newVersion = await store.SaveAsync(reader1.Complaint, reader1.Version, _ct);
        reader2.Complaint.Reject("spam", November.AddMinutes(1), "loser");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(reader2.Complaint, reader2.Version, _ct));
        var stored = (await store.FindAsync(complaint.Id, _ct))!;
        Assert.Equal(ComplaintStatus.Verifying, stored.Complaint.Status);
        Assert.Equal(newVersion, stored.Version);
        Assert.Contains(stored.Complaint.Timeline, e => e.StepId == "winner");
        Assert.DoesNotContain(await store.ReadTimelineAsync(complaint.Id, _ct), e => e.StepId == "loser");
    }

    [Fact]
    public async Task A_month_of_500_complaints_is_read_in_pages_oldest_first_each_once()
    {
        var store = await NewStoreAsync();
        var added = new List<Complaint>();
        foreach (var batch in Enumerable.Range(0, 500).Chunk(50))
        {
            var complaints = batch.Select(i => ComplaintBuilder.Chinese().ForCustomer($"u-{i}").ReceivedAt(November.AddMinutes(i)).Build()).ToList();
            await Task.WhenAll(complaints.Select(c => store.TryAddAsync(c, _ct)));
            added.AddRange(complaints);
        }

        // One from another month, which must not appear.
        await store.TryAddAsync(ComplaintBuilder.Chinese().ReceivedAt(November.AddMonths(1)).Build(), _ct);

        var read = new List<Complaint>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListByMonthAsync("202611", null, 200, token, _ct);
            Assert.InRange(page.Items.Count, 1, 200);
            read.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(added.OrderBy(c => c.ReceivedAt).Select(c => c.Id), read.Select(c => c.Id));
    }

    [Fact]
    public async Task A_month_can_be_filtered_by_status()
    {
        var store = await NewStoreAsync();
        var rejected = new List<ComplaintId>();
        for (var i = 0; i < 10; i++)
        {
            var complaint = ComplaintBuilder.Chinese().ReceivedAt(November.AddMinutes(i)).Build();
            if (i % 3 == 0)
            {
                complaint.BeginVerification(November.AddMinutes(i), "v");
                complaint.Reject("spam", November.AddMinutes(i), "s");
                rejected.Add(complaint.Id);
            }

            await store.TryAddAsync(complaint, _ct);
        }

        var page = await store.ListByMonthAsync("202611", ComplaintStatus.Rejected, 50, null, _ct);

        Assert.Equal(rejected, page.Items.Select(c => c.Id));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task A_long_record_is_split_and_read_back_whole()
    {
        var store = await NewStoreAsync();
        var complaint = ComplaintBuilder.Chinese().Build();
        for (var i = 0; i < 400; i++)
        {
            complaint.Note(TimelineEventKind.Note, "agent-1", $"第 {i} 条备注：" + new string('长', 200), November.AddMinutes(i), $"note-{i}");
        }

        Assert.True(await store.TryAddAsync(complaint, _ct));
        var found = await store.FindAsync(complaint.Id, _ct);

        Assert.Equal(complaint.Timeline, found!.Complaint.Timeline);
        Assert.Equal(complaint.Timeline, await store.ReadTimelineAsync(complaint.Id, _ct));
    }

    [Fact]
    public async Task A_record_too_large_for_a_row_is_refused_clearly_and_nothing_is_written()
    {
        var store = await NewStoreAsync();
        var complaint = ComplaintBuilder.Chinese().Build();
        for (var i = 0; i < 600; i++)
        {
            complaint.Note(TimelineEventKind.Note, "agent-1", new string('x', 1_000), November.AddMinutes(i), $"note-{i}");
        }

        var error = await Assert.ThrowsAsync<StorageLimitException>(() => store.TryAddAsync(complaint, _ct));

        Assert.Contains(complaint.Id.Value, error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(complaint.Id, _ct));
    }

    private async Task<TableComplaintStore> NewStoreAsync()
    {
        var names = new TableNames(AzuriteFixture.UniqueName("t"));
        var service = azurite.TableService();
        foreach (var table in names.All)
        {
            await service.CreateTableIfNotExistsAsync(table, _ct);
        }

        return new TableComplaintStore(service, names);
    }
}
