using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using System.Runtime.CompilerServices;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// Complaints in Table Storage (layout in <c>docs/storage.md</c>). The complaint row (partition = month of receipt,
/// row = id) is the record of truth: queryable columns plus the whole complaint as JSON, split over <c>Data0..DataN</c>
/// when long. Its ETag is the version a save must match. The timeline is also written, after each successful save, as
/// ordered rows of its own partition in the timeline table, for reading a complaint's history without its record.
/// </summary>
public sealed class TableComplaintStore : IComplaintStore
{
    /// <summary>Characters per Data property (a string property holds at most 32K UTF-16 characters).</summary>
    public const int ChunkLength = 30_000;

    /// <summary>Data properties per row, keeping the row under the 1 MiB entity limit.</summary>
    public const int MaxChunks = 15;

    private const int SchemaVersion = 1;
    private const string OpenPartition = "open";
    private readonly TableClient _complaints;
    private readonly TableClient _timeline;
    private readonly TableClient _customers;
    private readonly TableClient _open;

    public TableComplaintStore(TableServiceClient service, TableNames names)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(names);
        _complaints = service.GetTableClient(names.Complaints);
        _timeline = service.GetTableClient(names.Timeline);
        _customers = service.GetTableClient(names.Customers);
        _open = service.GetTableClient(names.Open);
    }

    public async Task<bool> TryAddAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var snapshot = complaint.ToSnapshot();
        var entity = ToEntity(snapshot);

        // The customer's link and the open index first: a complaint on record is always found by its customer (for
        // erasure) and, while open, by the work queue. A row whose complaint was never written is skipped by its readers.
        await _customers.UpsertEntityAsync(CustomerRow(snapshot), TableUpdateMode.Replace, cancellationToken);
        if (!complaint.IsFinished)
        {
            await _open.UpsertEntityAsync(OpenRow(snapshot.Id), TableUpdateMode.Replace, cancellationToken);
        }

        try
        {
            await _complaints.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        await ProjectTimelineAsync(snapshot, 0, cancellationToken);
        return true;
    }

    /// <summary>
    /// One transaction per month and up to 100 complaints (and about 3 MB); when any of them exists already, each is
    /// added on its own instead, so none is overwritten. The timeline rows follow at each complaint's first save.
    /// </summary>
    public async Task AddManyAsync(IReadOnlyList<Complaint> complaints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var snapshots = complaints.Select(c => c.ToSnapshot()).ToList();
        var rows = snapshots.Select(ToEntity).ToList();

        // The customers' links first, one transaction per customer (most batches hold one complaint per customer).
        await Parallel.ForEachAsync(
            snapshots.Select(CustomerRow).GroupBy(r => r.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (customer, ct) =>
            {
                foreach (var chunk in customer.DistinctBy(r => r.RowKey).Chunk(100))
                {
                    await _customers.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
                }
            });
        foreach (var chunk in complaints.Where(c => !c.IsFinished).Select(c => OpenRow(c.Id)).DistinctBy(r => r.RowKey).Chunk(100))
        {
            await _open.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }

        foreach (var month in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in Transactions(month.DistinctBy(r => r.RowKey)))
            {
                try
                {
                    await _complaints.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                }
                catch (TableTransactionFailedException)
                {
                    foreach (var row in chunk)
                    {
                        await TryAddAsync(complaints.First(c => c.Id.Value == row.RowKey), cancellationToken);
                    }
                }
            }
        }
    }

    private static IEnumerable<List<TableEntity>> Transactions(IEnumerable<TableEntity> rows)
    {
        const int maxActions = 100;
        const int maxChars = 1_500_000; // 3 MB of UTF-16, below the 4 MiB a transaction may carry
        var chunk = new List<TableEntity>();
        var chars = 0;
        foreach (var row in rows)
        {
            var size = row.Sum(p => p.Value is string text ? text.Length : 8);
            if (chunk.Count > 0 && (chunk.Count == maxActions || chars + size > maxChars))
            {
                yield return chunk;
                chunk = [];
                chars = 0;
            }

            chunk.Add(row);
            chars += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public async Task<VersionedComplaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        var response = await _complaints.GetEntityIfExistsAsync<TableEntity>(id.Month, id.Value, cancellationToken: cancellationToken);
        return response.HasValue ? new VersionedComplaint(Complaint.Restore(FromEntity(response.Value!)), response.Value!.ETag.ToString()) : null;
    }

    public async Task<string> SaveAsync(Complaint complaint, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var snapshot = complaint.ToSnapshot();
        var entity = ToEntity(snapshot);
        Response response;
        try
        {
            response = await _complaints.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"Complaint {snapshot.Id} was changed (or removed) since it was read; read it again and retry.", e);
        }

        if (complaint.IsFinished)
        {
            await _open.DeleteEntityAsync(OpenPartition, snapshot.Id.Value, ETag.All, cancellationToken); // gone already: no error
        }

        // Entries already projected are rewritten with the same content; cheap, and it repairs a projection a crash cut short.
        // An erased complaint's texts changed all along its timeline, so all of it is rewritten.
        await ProjectTimelineAsync(snapshot, snapshot.ErasedAt is null ? Math.Max(0, snapshot.Timeline.Count - 20) : 0, cancellationToken);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag.");
    }

    public async Task<ComplaintPage> ListByMonthAsync(string month, ComplaintStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(month);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {month} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {month}");
        var items = new List<Complaint>();
        string? next = continuationToken;

        // A filtered query may return short or empty pages with a token: keep reading until the page is full or the month ends.
        do
        {
            var pages = _complaints.QueryAsync<TableEntity>(filter, maxPerPage: pageSize - items.Count, cancellationToken: cancellationToken).AsPages(next, pageSize - items.Count);
            await foreach (var page in pages)
            {
                items.AddRange(page.Values.Select(e => Complaint.Restore(FromEntity(e))));
                next = page.ContinuationToken;
                break;
            }
        }
        while (items.Count < pageSize && next is not null);

        return new ComplaintPage(items, next);
    }

    public async Task<IReadOnlyList<ComplaintId>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var ids = new List<ComplaintId>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CustomerKey.Of(customerId)}");
        await foreach (var row in _customers.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(ComplaintId.Parse(row.RowKey));
        }

        return ids;
    }

    public async IAsyncEnumerable<ComplaintId> OpenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in _open.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return ComplaintId.Parse(row.RowKey);
        }
    }

    public async Task ForgetCustomerAsync(string customerId, ComplaintId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        await _customers.DeleteEntityAsync(CustomerKey.Of(customerId), id.Value, ETag.All, cancellationToken); // a missing row is no error
    }

    /// <summary>
    /// The months up to the cutoff's, filtered on the <c>ClosedAt</c> column: a scan of those partitions, reading three
    /// columns of each row. Once a day is cheap enough; erased rows are skipped here rather than in the filter, because
    /// a filter on a column a row lacks matches nothing.
    /// </summary>
    public async IAsyncEnumerable<ComplaintId> ClosedBeforeAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lastMonth = cutoff.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {lastMonth} and ClosedAt lt {cutoff.UtcDateTime}");
        await foreach (var row in _complaints.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "ErasedAt"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("ErasedAt") is null)
            {
                yield return ComplaintId.Parse(row.RowKey);
            }
        }
    }

    /// <summary>A complaint's timeline as projected into the timeline table, in order.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var row in _timeline.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id.Value}"), cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(
                int.Parse(row.RowKey.AsSpan(row.RowKey.LastIndexOf('-') + 1), CultureInfo.InvariantCulture),
                row.GetDateTimeOffset("At")!.Value,
                Enum.Parse<TimelineEventKind>(row.GetString("Kind")),
                row.GetString("Actor"),
                row.GetString("Summary"),
                row.GetString("StepId"),
                row.GetString("Detail")));
        }

        return entries;
    }

    private async Task ProjectTimelineAsync(ComplaintSnapshot snapshot, int skip, CancellationToken cancellationToken)
    {
        foreach (var batch in snapshot.Timeline.Skip(skip).Chunk(100))
        {
            var actions = batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(snapshot.Id.Value, TimelineRowKey(snapshot.Id, e.Sequence))
            {
                ["At"] = e.At,
                ["Kind"] = e.Kind.ToString(),
                ["Actor"] = e.Actor,
                ["Summary"] = e.Summary,
                ["StepId"] = e.StepId,
                ["Detail"] = e.Detail,
            }));
            await _timeline.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>
    /// <c>{id}-{sequence:D6}</c>: ordered within the partition, and unique across the table, so a store that looks rows
    /// up by RowKey first (Azurite does) finds one row rather than one per complaint.
    /// </summary>
    private static string TimelineRowKey(ComplaintId id, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{id.Value}-{sequence:D6}");

    private static TableEntity OpenRow(ComplaintId id) => new(OpenPartition, id.Value);

    private static TableEntity CustomerRow(ComplaintSnapshot snapshot) => new(CustomerKey.Of(snapshot.Customer.Id), snapshot.Id.Value);

    private static TableEntity ToEntity(ComplaintSnapshot snapshot)
    {
        var json = JsonSerializer.Serialize(snapshot, StorageJson.Options);
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new StorageLimitException(string.Create(
                CultureInfo.InvariantCulture,
                $"Complaint {snapshot.Id} is {json.Length:N0} characters as stored; a Table Storage row holds at most {ChunkLength * MaxChunks:N0}. Nothing was saved; shorten its text or timeline."));
        }

        var entity = new TableEntity(snapshot.Id.Month, snapshot.Id.Value)
        {
            ["SchemaVersion"] = SchemaVersion,
            ["Status"] = snapshot.Status.ToString(),
            ["Outcome"] = snapshot.Outcome.ToString(),
            ["Channel"] = snapshot.Channel.ToString(),
            ["Category"] = snapshot.Category?.ToString(),
            ["Severity"] = snapshot.Severity?.ToString(),
            ["Team"] = snapshot.Team,
            ["AssignedAgent"] = snapshot.AssignedAgent,
            ["EscalationTier"] = snapshot.EscalationTier,
            ["Round"] = snapshot.Round,
            ["ReceivedAt"] = snapshot.ReceivedAt,
            ["FirstResponseDue"] = snapshot.FirstResponseDue,
            ["ResolutionDue"] = snapshot.ResolutionDue,
            ["FirstRespondedAt"] = snapshot.FirstRespondedAt,
            ["ResolvedAt"] = snapshot.ResolvedAt,
            ["ClosedAt"] = snapshot.ClosedAt,
            ["SlaBreached"] = snapshot.SlaBreached,
            ["ErasedAt"] = snapshot.ErasedAt,
            ["DuplicateOf"] = snapshot.DuplicateOf?.Value,
            ["Rating"] = snapshot.CustomerVerdict?.Rating,
            ["TimelineCount"] = snapshot.Timeline.Count,
            ["DataChunks"] = chunks,
        };
        for (var i = 0; i < chunks; i++)
        {
            entity["Data" + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
        }

        return entity;
    }

    private static ComplaintSnapshot FromEntity(TableEntity entity)
    {
        var chunks = entity.GetInt32("DataChunks") ?? throw new InvalidOperationException($"Row {entity.RowKey} is not a complaint record (no DataChunks).");
        var json = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString("Data" + i.ToString(CultureInfo.InvariantCulture))));
        return JsonSerializer.Deserialize<ComplaintSnapshot>(json, StorageJson.Options) ?? throw new InvalidOperationException($"Row {entity.RowKey} holds no complaint.");
    }
}
