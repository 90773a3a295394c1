using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Privacy;

namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// <see cref="IActionLedger"/> on Table Storage, PartitionKey = complaint id: one row per used link (RowKey = nonce) and
/// one per step acted on (RowKey = <c>step:</c> and the step, a character a base64url nonce never holds). Both rows are
/// inserted in one entity-group transaction, so the first use wins for the link and for the step at once; a second
/// insert of either fails with 409 and reads the first's row. The table is created on first use.
/// </summary>
public sealed class TableActionLedger : IActionLedger, IPersonalDataHolder
{
    /// <summary>The table name used when configuration gives none.</summary>
    public const string DefaultTableName = "cfactions";

    private const string StepPrefix = "step:";

    private readonly TableClient _table;
    private volatile bool _tableExists;

    public TableActionLedger(TableServiceClient service, string tableName = DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _table = service.GetTableClient(tableName);
    }

    public async Task<LedgerEntry?> TryRecordAsync(ActionClaims claims, string step, string outcomeSummary, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcomeSummary);
        CheckKeys(claims);
        CheckKey(step, nameof(step));
        await EnsureTableAsync(cancellationToken);
        var link = Row(claims, claims.Nonce, outcomeSummary, at);
        var stepRow = Row(claims, StepPrefix + step, outcomeSummary, at);
        stepRow[nameof(LedgerEntry.Nonce)] = claims.Nonce;

        try
        {
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, link), new TableTransactionAction(TableTransactionActionType.Add, stepRow)],
                cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The step's row says who acted first when another link did; this link's own row when it was used before.
            return await FindStepAsync(claims.ComplaintId, step, cancellationToken)
                ?? await FindAsync(claims, cancellationToken)
                ?? throw new InvalidOperationException("The ledger refused a use but holds neither the link nor the step.", e);
        }
    }

    public async Task<LedgerEntry?> FindStepAsync(string complaintId, string step, CancellationToken cancellationToken)
    {
        CheckKey(complaintId, nameof(complaintId));
        CheckKey(step, nameof(step));
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(complaintId, StepPrefix + step, cancellationToken: cancellationToken);
        return found.HasValue ? ToEntry(found.Value!) : null;
    }

    private static TableEntity Row(ActionClaims claims, string rowKey, string outcomeSummary, DateTimeOffset at) =>
        new(claims.ComplaintId, rowKey)
        {
            [nameof(LedgerEntry.Purpose)] = claims.Purpose.ToString(),
            [nameof(LedgerEntry.Recipient)] = claims.Recipient,
            [nameof(LedgerEntry.Generation)] = claims.Generation,
            [nameof(LedgerEntry.OutcomeSummary)] = outcomeSummary,
            [nameof(LedgerEntry.RecordedAt)] = at.ToUniversalTime(),
            [nameof(ActionClaims.ExpiresAt)] = claims.ExpiresAt.ToUniversalTime(),
        };

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
        row.GetString(nameof(LedgerEntry.Nonce)) ?? row.RowKey,
        Enum.Parse<ActionPurpose>(row.GetString(nameof(LedgerEntry.Purpose))),
        row.GetString(nameof(LedgerEntry.Recipient)),
        row.GetInt32(nameof(LedgerEntry.Generation)) ?? 0,
        row.GetString(nameof(LedgerEntry.OutcomeSummary)),
        row.GetDateTimeOffset(nameof(LedgerEntry.RecordedAt)) ?? throw new InvalidDataException(
            string.Create(CultureInfo.InvariantCulture, $"Ledger row {row.PartitionKey}/{row.RowKey} has no {nameof(LedgerEntry.RecordedAt)}.")));

    /// <summary>Table keys may not hold / \ # ? or control characters.</summary>
    private static void CheckKeys(ActionClaims claims)
    {
        CheckKey(claims.ComplaintId, nameof(claims.ComplaintId));
        CheckKey(claims.Nonce, nameof(claims.Nonce));
    }

    private static void CheckKey(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny("/\\#?") >= 0 || value.Any(char.IsControl))
        {
            throw new ArgumentException($"{name} cannot be a table key.", name);
        }
    }
}
