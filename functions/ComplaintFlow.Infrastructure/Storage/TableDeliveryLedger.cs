using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// Accepted deliveries in the deliveries table (layout in <c>docs/storage.md</c>): partition = scope, row =
/// <see cref="TableKey.From"/> of the key, holding the delivery as JSON (<c>Delivery</c>) and <c>Recorded</c> for the
/// sweep. Accepting is one insert, so of two concurrent deliveries exactly one wins and the other reads the winner's
/// row. The same table holds the claimed external ids (partition <c>external</c>) and the
/// ids that lead to an earlier complaint (partition <c>recorded-as</c>).
/// </summary>
public sealed class TableDeliveryLedger : IDeliveryLedger
{
    private const string ExternalPartition = "external";
    private const string RecordedAsPartition = "recorded-as";
    private const int MaxTransactionActions = 100;
    private readonly TableClient _table;

    public TableDeliveryLedger(TableServiceClient service, TableNames names)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(names);
        _table = service.GetTableClient(names.Deliveries);
    }

    public async Task<AcceptedDelivery?> TryAcceptAsync(AcceptedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await _table.AddEntityAsync(ToEntity(delivery), cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(delivery.Key, cancellationToken) ?? throw new InvalidOperationException($"Delivery {delivery.Key} conflicted but cannot be read.", e);
        }
    }

    public async Task<AcceptedDelivery?> FindAsync(IntakeKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.From(key.Scope), TableKey.From(key.Key), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<ComplaintId> ClaimExternalIdAsync(Channel channel, string externalId, ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        var row = new TableEntity(ExternalPartition, ExternalRowKey(channel, externalId)) { ["ComplaintId"] = complaintId.Value };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return complaintId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var holder = await _table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            return ComplaintId.Parse(holder.Value.GetString("ComplaintId"));
        }
    }

    /// <summary>One transaction per 100 claims; when any was claimed before, each is claimed on its own instead.</summary>
    public async Task<IReadOnlyDictionary<ComplaintId, ComplaintId>> ClaimExternalIdsAsync(IReadOnlyList<AcceptedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var holders = new Dictionary<ComplaintId, ComplaintId>();
        var claims = deliveries
            .Where(d => d.Submission?.ExternalId is not null)
            .Select(d => (Delivery: d, Row: new TableEntity(ExternalPartition, ExternalRowKey(d.Submission!.Channel, d.Submission.ExternalId!)) { ["ComplaintId"] = d.ComplaintId.Value }))
            .ToList();
        foreach (var chunk in claims.Chunk(MaxTransactionActions))
        {
            if (chunk.DistinctBy(c => c.Row.RowKey).Count() == chunk.Length
                && await TrySubmitAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c.Row)), cancellationToken))
            {
                foreach (var (delivery, _) in chunk)
                {
                    holders[delivery.ComplaintId] = delivery.ComplaintId;
                }

                continue;
            }

            foreach (var (delivery, _) in chunk)
            {
                holders[delivery.ComplaintId] = await ClaimExternalIdAsync(delivery.Submission!.Channel, delivery.Submission.ExternalId!, delivery.ComplaintId, cancellationToken);
            }
        }

        return holders;
    }

    /// <summary>One transaction per scope and 100 deliveries.</summary>
    public async Task MarkRecordedAsync(IReadOnlyList<AcceptedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var chunk in deliveries.DistinctBy(d => d.Key).GroupBy(d => TableKey.From(d.Key.Scope)).SelectMany(g => g.Chunk(MaxTransactionActions)))
        {
            if (!await TrySubmitAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(d.Recorded(d.ComplaintId)))), cancellationToken))
            {
                foreach (var delivery in chunk)
                {
                    await MarkRecordedAsync(delivery, delivery.ComplaintId, cancellationToken);
                }
            }
        }
    }

    public async Task MarkRecordedAsync(AcceptedDelivery delivery, ComplaintId recordedAs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (recordedAs != delivery.ComplaintId)
        {
            var lead = new TableEntity(RecordedAsPartition, delivery.ComplaintId.Value) { ["ComplaintId"] = recordedAs.Value };
            await _table.UpsertEntityAsync(lead, TableUpdateMode.Replace, cancellationToken);
        }

        // Replacing drops the submission: the complaint record holds it now.
        await _table.UpsertEntityAsync(ToEntity(delivery.Recorded(recordedAs)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ComplaintId?> FindRecordedAsAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(RecordedAsPartition, complaintId.Value, cancellationToken: cancellationToken);
        return row.HasValue ? ComplaintId.Parse(row.Value!.GetString("ComplaintId")) : null;
    }

    /// <summary>Recorded rows last written (recorded) before the cut-off, deleted in transactions of 100 per scope.</summary>
    public async Task<int> ForgetRecordedAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"Recorded eq {true} and Timestamp lt {recordedBefore}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var forgotten = 0;
        foreach (var chunk in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(MaxTransactionActions)))
        {
            // Another host forgetting the same rows makes this transaction fail; what is left goes at the next pass.
            if (await TrySubmitAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken))
            {
                forgotten += chunk.Length;
            }
        }

        return forgotten;
    }

    public async IAsyncEnumerable<AcceptedDelivery> ListUnrecordedAsync(DateTimeOffset acceptedBy, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = new List<AcceptedDelivery>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Recorded eq {false}"), cancellationToken: cancellationToken))
        {
            if (FromEntity(row) is { } delivery && delivery.ReceivedAt <= acceptedBy)
            {
                rows.Add(delivery);
            }
        }

        foreach (var delivery in rows.OrderBy(d => d.ReceivedAt))
        {
            yield return delivery;
        }
    }

    private static string ExternalRowKey(Channel channel, string externalId) => TableKey.From($"{channel}|{externalId}");

    private async Task<bool> TrySubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException)
        {
            return false;
        }
    }

    // Two properties: the storage's cost per insert grows with the number of properties, and intake waits for this one.
    private static TableEntity ToEntity(AcceptedDelivery delivery)
    {
        var entity = new TableEntity(TableKey.From(delivery.Key.Scope), TableKey.From(delivery.Key.Key)) { ["Recorded"] = delivery.IsRecorded };
        TableText.Write(entity, "Delivery", JsonSerializer.Serialize(delivery, StorageJson.Options));
        return entity;
    }

    private static AcceptedDelivery FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<AcceptedDelivery>(TableText.Read(entity, "Delivery") ?? throw new InvalidOperationException($"Row {entity.RowKey} holds no delivery."), StorageJson.Options)
        ?? throw new InvalidOperationException($"Row {entity.RowKey} holds no delivery.");
}
