using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// Delivery keys in the idempotency table: partition = scope, row = <see cref="TableKey.From"/> of the key. Reserving is
/// an insert, so of two concurrent deliveries exactly one wins and the other reads the winner's row.
/// </summary>
public sealed class TableIdempotencyStore : IIdempotencyStore
{
    private readonly TableClient _table;

    public TableIdempotencyStore(TableServiceClient service, TableNames names)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(names);
        _table = service.GetTableClient(names.Idempotency);
    }

    public async Task<IdempotencyRecord?> TryReserveAsync(string scope, string key, string fingerprint, ComplaintId complaintId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(TableKey.From(scope), TableKey.From(key))
        {
            ["ComplaintId"] = complaintId.Value,
            ["Fingerprint"] = fingerprint,
            ["ReceivedAt"] = now,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var first = await _table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            return new IdempotencyRecord(
                ComplaintId.Parse(first.Value.GetString("ComplaintId")),
                first.Value.GetString("Fingerprint"),
                first.Value.GetDateTimeOffset("ReceivedAt") ?? now,
                first.Value.GetInt32("Status"),
                first.Value.GetString("ResponseBody"));
        }
    }

    public async Task CompleteAsync(string scope, string key, int status, string responseBody, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(TableKey.From(scope), TableKey.From(key))
        {
            ["Status"] = status,
            ["ResponseBody"] = responseBody,
        };
        await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }
}
