using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Infrastructure.Verification;

/// <summary>
/// The duplicate/abuse indexes in one table: partition <c>customer-{sha256(customer id)}</c> holds a customer's complaints,
/// partition <c>text-{fingerprint}</c> the complaints with that text; rows are newest first
/// (<c>{DateTimeOffset.MaxValue.Ticks - receivedAt.Ticks:D19}-{complaint id}</c>), so "since" is one range query in one partition.
/// </summary>
public sealed class TableComplaintIndex(TableClient table) : IComplaintIndex
{
    public async Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var partition in new[] { CustomerPartition(entry.CustomerId), TextPartition(entry.TextFingerprint) })
        {
            var row = new TableEntity(partition, RowKey(entry.ReceivedAt, entry.ComplaintId))
            {
                ["ComplaintId"] = entry.ComplaintId,
                ["CustomerId"] = entry.CustomerId,
                ["ReceivedAt"] = entry.ReceivedAt,
                ["TextFingerprint"] = entry.TextFingerprint,
                ["OrderId"] = entry.OrderId,
            };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByCustomerAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        QueryAsync(CustomerPartition(customerId), since, cancellationToken);

    public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        QueryAsync(TextPartition(textFingerprint), since, cancellationToken);

    private async Task<IReadOnlyList<ComplaintIndexEntry>> QueryAsync(string partition, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Rows sort newest first; everything received at or after `since` has a row key below this bound.
        var upper = Inverted(since) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upper}");
        var entries = new List<ComplaintIndexEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new ComplaintIndexEntry(
                row.GetString("ComplaintId"),
                row.GetString("CustomerId"),
                row.GetDateTimeOffset("ReceivedAt") ?? default,
                row.GetString("TextFingerprint"),
                row.GetString("OrderId")));
        }

        return entries;
    }

    private static string CustomerPartition(string customerId) =>
        "customer-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerId))).ToLower(CultureInfo.InvariantCulture);

    private static string TextPartition(string fingerprint) => "text-" + fingerprint;

    private static string RowKey(DateTimeOffset receivedAt, string complaintId) => Inverted(receivedAt) + "-" + complaintId;

    private static string Inverted(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
