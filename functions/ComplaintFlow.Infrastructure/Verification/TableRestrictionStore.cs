using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Infrastructure.Verification;

/// <summary>
/// Abuse restrictions, one row per customer ever restricted: PartitionKey <c>restriction</c>, RowKey = <see cref="CustomerKey"/>.
/// A lift ends the restriction (<c>Until</c> = the lift) and keeps the row with <c>LiftedAt</c>, which verification reads
/// to forgive the complaints before it.
/// </summary>
public sealed class TableRestrictionStore(TableClient table) : IRestrictionStore, IPersonalDataHolder
{
    private const string Partition = "restriction";
    private const int MaxAttempts = 5;

    public async Task<Restriction?> FindActiveAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CustomerKey.Of(customerId), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return null;
        }

        var restriction = Read(row.Value);
        return restriction.Until > at ? restriction : null;
    }

    /// <summary>Every restriction in force at <paramref name="at"/>: one partition query.</summary>
    public async Task<IReadOnlyList<Restriction>> ListActiveAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var active = new List<Restriction>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Until gt {at}"), cancellationToken: cancellationToken))
        {
            active.Add(Read(row));
        }

        return active;
    }

    public async Task<Restriction> RestrictAsync(string customerId, string reason, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var restriction = new Restriction(CustomerKey.Of(customerId), reason, since, until);
        var row = new TableEntity(Partition, restriction.Key)
        {
            ["Reason"] = reason,
            ["Since"] = since,
            ["Until"] = until,
        };
        // Merge: a restriction after a lift keeps LiftedAt, so the burst forgiven then stays forgiven.
        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        return restriction;
    }

    public async Task<bool> LiftAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length != 32 || !key.All(Uri.IsHexDigit))
        {
            return false;
        }

        for (var attempt = 1; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } row || Read(row).Until <= at)
            {
                return false;
            }

            var lifted = new TableEntity(Partition, key) { ["Until"] = at, ["LiftedAt"] = at };
            try
            {
                await table.UpdateEntityAsync(lifted, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Restricted again meanwhile: read it again and lift what is there now.
            }
        }
    }

    public async Task<DateTimeOffset?> LastLiftedAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CustomerKey.Of(customerId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value?.GetDateTimeOffset("LiftedAt") : null;
    }

    /// <summary>Forgets the customer's restriction, in force or lifted: its key is derived from their id.</summary>
    public async Task EraseCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        await table.DeleteEntityAsync(Partition, CustomerKey.Of(customerId), ETag.All, cancellationToken);

    private static Restriction Read(TableEntity row) => new(
        row.RowKey,
        row.GetString("Reason") ?? string.Empty,
        row.GetDateTimeOffset("Since") ?? default,
        row.GetDateTimeOffset("Until") ?? default);
}
