using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Privacy;

namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// <see cref="IActionLedger"/> on Table Storage: one row per used link, PartitionKey = complaint id, RowKey = nonce.
/// The first use wins through an insert (<c>AddEntity</c>); a second insert fails with 409 and reads the first's row.
/// The table is created on first use.
/// </summary>
public sealed class TableActionLedger : IActionLedger, IPersonalDataHolder
{
    /// <summary>The table name used when configuration gives none.</summary>
    public const string DefaultTableName = "cfactions";

    private readonly TableClient _table;
    private volatile bool _tableExists;

    public TableActionLedger(TableServiceClient service, string tableName = DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _table = service.GetTableClient(tableName);
    }

    public async Task<LedgerEntry?> TryRecordAsync(ActionClaims claims, string outcomeSummary, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcomeSummary);
        CheckKeys(claims);
        await EnsureTableAsync(cancellationToken);
        var entity = new TableEntity(claims.ComplaintId, claims.Nonce)
        {
            [nameof(LedgerEntry.Purpose)] = claims.Purpose.ToString(),
            [nameof(LedgerEntry.Recipient)] = claims.Recipient,
            [nameof(LedgerEntry.Generation)] = claims.Generation,
            [nameof(LedgerEntry.OutcomeSummary)] = outcomeSummary,
            [nameof(LedgerEntry.RecordedAt)] = at.ToUniversalTime(),
            [nameof(ActionClaims.ExpiresAt)] = claims.ExpiresAt.ToUniversalTime(),
        };

        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var first = await _table.GetEntityAsync<TableEntity>(claims.ComplaintId, claims.Nonce, cancellationToken: cancellationToken);
            return ToEntry(first.Value);
        }
    }

    public async Task<LedgerEntry?> FindAsync(ActionClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        CheckKeys(claims);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(claims.ComplaintId, claims.Nonce, cancellationToken: cancellationToken);
        return found.HasValue ? ToEntry(found.Value!) : null;
    }

    /// <summary>
    /// Keeps each used link's row — so the link stays used — and replaces what it recorded (the agent's text, the
    /// customer's comment) with <see cref="Complaint.ErasedText"/>.
    /// </summary>
    public async Task EraseComplaintAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        await EnsureTableAsync(cancellationToken);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {complaint.Id.Value}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            var erased = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(LedgerEntry.OutcomeSummary)] = Complaint.ErasedText };
            await _table.UpdateEntityAsync(erased, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }

    private static LedgerEntry ToEntry(TableEntity row) => new(
        row.PartitionKey,
        row.RowKey,
        Enum.Parse<ActionPurpose>(row.GetString(nameof(LedgerEntry.Purpose))),
        row.GetString(nameof(LedgerEntry.Recipient)),
        row.GetInt32(nameof(LedgerEntry.Generation)) ?? 0,
        row.GetString(nameof(LedgerEntry.OutcomeSummary)),
        row.GetDateTimeOffset(nameof(LedgerEntry.RecordedAt)) ?? throw new InvalidDataException(
            string.Create(CultureInfo.InvariantCulture, $"Ledger row {row.PartitionKey}/{row.RowKey} has no {nameof(LedgerEntry.RecordedAt)}.")));

    /// <summary>Table keys may not hold / \ # ? or control characters.</summary>
    private static void CheckKeys(ActionClaims claims)
    {
        foreach (var (value, name) in new[] { (claims.ComplaintId, nameof(claims.ComplaintId)), (claims.Nonce, nameof(claims.Nonce)) })
        {
            if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny("/\\#?") >= 0 || value.Any(char.IsControl))
            {
                throw new ArgumentException($"{name} cannot be a table key.", nameof(claims));
            }
        }
    }
}
