using System.Text.Json;
using Azure.Data.Tables;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// The erasures done: PartitionKey <c>customer</c>, RowKey = the customer's <see cref="CustomerKey"/> (a one-way hash of
/// their id, so a repeated request is recognised without keeping the id), with <c>ErasedAt</c>, <c>ErasedBy</c>,
/// <c>ClosedWhileOpen</c> and <c>Complaints</c> (the ids, as JSON).
/// </summary>
public sealed class TableErasureLog(TableClient table) : IErasureLog
{
    private const string Partition = "customer";

    public async Task<ErasureRecord?> FindAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CustomerKey.Of(customerId), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return null;
        }

        return new ErasureRecord(
            row.GetDateTimeOffset("ErasedAt") ?? default,
            row.GetString("ErasedBy") ?? string.Empty,
            JsonSerializer.Deserialize<List<string>>(TableText.Read(row, "Complaints") ?? "[]") ?? [],
            row.GetInt32("ClosedWhileOpen") ?? 0);
    }

    public async Task SaveAsync(string customerId, ErasureRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(Partition, CustomerKey.Of(customerId))
        {
            ["ErasedAt"] = record.ErasedAt,
            ["ErasedBy"] = record.ErasedBy,
            ["ClosedWhileOpen"] = record.ClosedWhileOpen,
        };
        TableText.Write(row, "Complaints", JsonSerializer.Serialize(record.Complaints));
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
