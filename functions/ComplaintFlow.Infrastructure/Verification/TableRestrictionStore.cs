using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Infrastructure.Verification;

/// <summary>Abuse restrictions, one row per restricted customer: PartitionKey <c>restriction</c>, RowKey = <see cref="CustomerKey"/>.</summary>
public sealed class TableRestrictionStore(TableClient table) : IRestrictionStore
{
    private const string Partition = "restriction";

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
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return restriction;
    }

    public async Task<bool> LiftAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length != 32 || !key.All(Uri.IsHexDigit))
        {
            return false;
        }

        try
        {
            var response = await table.DeleteEntityAsync(Partition, key, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private static Restriction Read(TableEntity row) => new(
        row.RowKey,
        row.GetString("Reason") ?? string.Empty,
        row.GetDateTimeOffset("Since") ?? default,
        row.GetDateTimeOffset("Until") ?? default);
}
