using Azure.Data.Tables;
using ComplaintFlow.Infrastructure.Storage;

namespace ComplaintFlow.Infrastructure.Queues;

/// <summary>
/// Keeps, whole, the original of a poisoned intake message too large to travel inside its poison copy: one row per
/// message, PartitionKey = the message id (as a <see cref="TableKey"/>), RowKey empty, the text split across properties
/// by <see cref="TableText"/>. A queue message is at most 64 KiB, so a row is at most about 130 KB, well inside the 1 MiB
/// an entity may hold. Writing the same message again replaces its row, so a retried poisoning keeps one copy.
/// </summary>
public sealed class TablePoisonArchive(TableClient table)
{
    private const string Message = "Message";

    public string TableName => table.Name;

    public async Task KeepAsync(PoisonMessage poison, string originalMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poison);
        ArgumentNullException.ThrowIfNull(originalMessage);
        var entity = new TableEntity(TableKey.From(poison.MessageId), "")
        {
            [nameof(PoisonMessage.MessageId)] = poison.MessageId,
            [nameof(PoisonMessage.Reason)] = poison.Reason,
            [nameof(PoisonMessage.DequeueCount)] = poison.DequeueCount,
            [nameof(PoisonMessage.FailedAt)] = poison.FailedAt.ToUniversalTime(),
            [nameof(PoisonMessage.OriginalLength)] = originalMessage.Length,
        };
        TableText.Write(entity, Message, originalMessage);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The original text of a message poisoned with <see cref="PoisonMessage.OriginalStoredIn"/> set; null when none is kept.</summary>
    public async Task<string?> ReadAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.From(messageId), "", cancellationToken: cancellationToken);
        return found.HasValue ? TableText.Read(found.Value!, Message) : null;
    }
}
