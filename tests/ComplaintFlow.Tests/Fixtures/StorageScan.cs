using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ComplaintFlow.Tests.Fixtures;

/// <summary>
/// Reads everything in a storage account — every row of every table, every blob (gzip opened), the first messages of
/// every queue (base64 or not) — and says where each of the texts looked for occurs, JSON <c>\uXXXX</c> escapes undone.
/// </summary>
public static partial class StorageScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, IReadOnlyDictionary<string, string> needles, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        void Look(string where, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            var plain = Escapes().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
            foreach (var (what, needle) in needles)
            {
                if (plain.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{what} in {where}");
                }
            }
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var where = $"table {table.Name} row {row.PartitionKey}/{row.RowKey}";
                Look(where, row.PartitionKey + " " + row.RowKey);
                foreach (var (_, value) in row)
                {
                    Look(where, value switch
                    {
                        string s => s,
                        byte[] bytes => Text(bytes),
                        _ => null,
                    });
                }
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                Look($"blob {container.Name}/{blob.Name}", blob.Name + " " + Text(content.Value.Content.ToArray()));
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            var messages = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, cancellationToken);
            foreach (var message in messages.Value)
            {
                var text = message.Body.ToString();
                Look($"queue {queue.Name} message {message.MessageId}", text);
                try
                {
                    Look($"queue {queue.Name} message {message.MessageId} (base64)", Text(Convert.FromBase64String(text)));
                }
                catch (FormatException)
                {
                    // not base64
                }
            }
        }

        return found;
    }

    private static string Text(byte[] bytes)
    {
        if (bytes is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex Escapes();
}
