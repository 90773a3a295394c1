using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Infrastructure.Storage;

namespace ComplaintFlow.Infrastructure.Verification;

/// <summary>
/// The duplicate/abuse indexes in one table. Partition <c>text-{fingerprint}</c> holds the complaints with that text,
/// newest first (<c>{DateTimeOffset.MaxValue.Ticks - receivedAt.Ticks:D19}-{complaint id}</c>), so "since" is one range
/// query in one partition. Partition <c>customer-{sha256(customer id)}</c>, row <c>originals</c>, holds the customer's
/// <see cref="CustomerOriginals"/> as JSON: one point read, and written only with <c>If-Match</c> on the ETag it was
/// read with (or as an insert when there was none), so of two complaints that read it at once only one adds itself.
/// </summary>
public sealed class TableComplaintIndex(TableClient table) : IComplaintIndex, IPersonalDataHolder
{
    private const string OriginalsRow = "originals";
    private const string EntriesProperty = "Entries";

    public async Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(TextPartition(entry.TextFingerprint), RowKey(entry.ReceivedAt, entry.ComplaintId))
        {
            ["ComplaintId"] = entry.ComplaintId,
            ["CustomerId"] = entry.CustomerId,
            ["ReceivedAt"] = entry.ReceivedAt,
            ["TextFingerprint"] = entry.TextFingerprint,
            ["OrderId"] = entry.OrderId,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // Rows sort newest first; everything received at or after `since` has a row key below this bound.
        var upper = Inverted(since) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TextPartition(textFingerprint)} and RowKey lt {upper}");
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

    public async Task<CustomerOriginals> OriginalsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(CustomerPartition(customerId), OriginalsRow, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return new CustomerOriginals(customerId, [], null);
        }

        var entries = JsonSerializer.Deserialize<List<ComplaintIndexEntry>>(TableText.Read(row, EntriesProperty) ?? "[]", StorageJson.Options) ?? [];
        return new CustomerOriginals(customerId, entries, row.ETag.ToString());
    }

    public async Task<bool> TryAddOriginalAsync(CustomerOriginals read, ComplaintIndexEntry entry, DateTimeOffset keepSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var row = new TableEntity(CustomerPartition(read.CustomerId), OriginalsRow);
        TableText.Write(row, EntriesProperty, JsonSerializer.Serialize(read.With(entry, keepSince), StorageJson.Options));
        try
        {
            if (read.Version is null)
            {
                await table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(row, new ETag(read.Version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false; // another complaint's write came first (or the row appeared or went meanwhile)
        }
    }

    /// <summary>The complaint's same-text row (which holds the customer's id and the order) and its entry among the customer's originals.</summary>
    public async Task EraseComplaintAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        await table.DeleteEntityAsync(TextPartition(TextFingerprint.Of(complaint.Description)), RowKey(complaint.ReceivedAt, complaint.Id.Value), ETag.All, cancellationToken);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var read = await OriginalsAsync(complaint.Customer.Id, cancellationToken);
            if (read.Version is null || !read.Contains(complaint.Id.Value))
            {
                return;
            }

            var row = new TableEntity(CustomerPartition(read.CustomerId), OriginalsRow);
            TableText.Write(row, EntriesProperty, JsonSerializer.Serialize(read.Entries.Where(e => e.ComplaintId != complaint.Id.Value).ToList(), StorageJson.Options));
            try
            {
                await table.UpdateEntityAsync(row, new ETag(read.Version), TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Verification wrote it meanwhile: read it again.
            }
        }
    }

    /// <summary>The customer's originals row.</summary>
    public async Task EraseCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        await table.DeleteEntityAsync(CustomerPartition(customerId), OriginalsRow, ETag.All, cancellationToken);

    private static string CustomerPartition(string customerId) =>
        "customer-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerId))).ToLower(CultureInfo.InvariantCulture);

    private static string TextPartition(string fingerprint) => "text-" + fingerprint;

    private static string RowKey(DateTimeOffset receivedAt, string complaintId) => Inverted(receivedAt) + "-" + complaintId;

    private static string Inverted(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
