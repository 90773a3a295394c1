using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Privacy;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// The default email transport: keeps every message in Table Storage instead of sending it, for local runs,
/// tests and the <c>/outbox</c> pages.
/// </summary>
/// <remarks>
/// All rows live in one partition, <c>outbox</c>, written in one entity-group transaction per message:
/// <list type="bullet">
/// <item><c>m|{id}</c>: the message by id (a point read; its existence makes a repeated send a no-op);</item>
/// <item><c>t|{reverse time}|{id}</c>: every message, newest first;</item>
/// <item><c>r|{recipient}|{reverse time}|{id}</c> and <c>c|{complaint}|{reverse time}|{id}</c>: the same, by recipient and by complaint.</item>
/// </list>
/// Every row carries the whole message, so a listing is one range query. A string property holds at most 64 KiB,
/// so each body is stored in up to <see cref="MaxChunks"/> properties of <see cref="ChunkLength"/> characters;
/// a body longer than <see cref="MaxBodyLength"/> characters is refused with an <see cref="ArgumentException"/>.
/// A second send of the same <see cref="EmailMessage.MessageId"/> keeps the first message and changes nothing.
/// </remarks>
public sealed partial class TableOutbox : IEmailSender, IOutboxReader, IPersonalDataHolder
{
    public const string DefaultTableName = "cfoutbox";

    /// <summary>Characters per body property: under the 64 KiB (32,768 UTF-16 characters) limit of a string property.</summary>
    public const int ChunkLength = 32_000;

    public const int MaxChunks = 3;

    /// <summary>The longest HTML or text body the outbox keeps.</summary>
    public const int MaxBodyLength = ChunkLength * MaxChunks;

    private const string Partition = "outbox";
    private const int MaxKeyPartLength = 200;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ILogger<TableOutbox> _logger;
    private volatile bool _tableExists;

    public TableOutbox(TableServiceClient service, string tableName, TimeProvider time, ILogger<TableOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _table = service.GetTableClient(tableName);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageId, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To, nameof(message));
        CheckLength(message, "HTML", message.HtmlBody);
        CheckLength(message, "text", message.TextBody);

        await EnsureTableAsync(ct);
        var storedAt = _time.GetUtcNow();
        var id = KeyPart(message.MessageId);
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - storedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var rowKeys = new List<string>
        {
            $"m|{id}",
            $"t|{newestFirst}|{id}",
            $"r|{RecipientKey(message.To)}|{newestFirst}|{id}",
        };
        if (!string.IsNullOrWhiteSpace(message.ComplaintId))
        {
            rowKeys.Add($"c|{KeyPart(message.ComplaintId)}|{newestFirst}|{id}");
        }

        var actions = rowKeys.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(rowKey, message, storedAt)));
        try
        {
            await _table.SubmitTransactionAsync(actions, ct);
            var recipient = PersonalData.MaskEmail(message.To);
            LogStored(_logger, message.Kind, message.MessageId, recipient);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            LogAlreadyStored(_logger, message.Kind, message.MessageId);
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, string? to = null, string? complaintId = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await EnsureTableAsync(ct);
        var prefix = complaintId is not null ? $"c|{KeyPart(complaintId)}|"
            : to is not null ? $"r|{RecipientKey(to)}|"
            : "t|";
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {upper}");
        var needsRecipientCheck = complaintId is not null && to is not null;
        var entries = new List<OutboxEntry>(Math.Min(max, 100));
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: needsRecipientCheck ? 1000 : Math.Min(max, 1000), cancellationToken: ct))
        {
            var entry = FromEntity(entity);
            if (needsRecipientCheck && !string.Equals(entry.Message.To.Trim(), to!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            entries.Add(entry);
            if (entries.Count == max)
            {
                break;
            }
        }

        return entries;
    }

    public async Task<OutboxEntry?> GetAsync(string messageId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        await EnsureTableAsync(ct);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, $"m|{KeyPart(messageId)}", cancellationToken: ct);
        return row.HasValue && row.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Deletes every email of the complaint — to the customer and to staff, who got its text too — with all four of each one's rows.</summary>
    public async Task EraseComplaintAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        await EnsureTableAsync(cancellationToken);
        var prefix = $"c|{KeyPart(complaint.Id.Value)}|";
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {upper}");
        var rows = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "To"], cancellationToken: cancellationToken))
        {
            // c|{complaint}|{reverse time}|{id}: the other rows share the time and the id.
            var parts = entity.RowKey.Split('|');
            var (newestFirst, id) = (parts[2], parts[3]);
            rows.Add(entity.RowKey);
            rows.Add($"m|{id}");
            rows.Add($"t|{newestFirst}|{id}");
            rows.Add($"r|{RecipientKey(entity.GetString("To") ?? string.Empty)}|{newestFirst}|{id}");
        }

        // One at a time rather than in a transaction: a row gone already (an erasure cut short) is no error for a delete.
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, ct) =>
            await _table.DeleteEntityAsync(Partition, row, ETag.All, ct));
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_tableExists)
        {
            return;
        }

        await _table.CreateIfNotExistsAsync(ct);
        _tableExists = true;
    }

    private static void CheckLength(EmailMessage message, string part, string? body)
    {
        if (body is { Length: > MaxBodyLength })
        {
            throw new ArgumentException(
                $"Email {message.MessageId} ({message.Kind}) has a {part} body of {body.Length:N0} characters; " +
                $"the outbox keeps at most {MaxBodyLength:N0} characters per body. Shorten the content (e.g. the description excerpt).",
                nameof(message));
        }
    }

    private static TableEntity ToEntity(string rowKey, EmailMessage message, DateTimeOffset storedAt)
    {
        var entity = new TableEntity(Partition, rowKey)
        {
            ["MessageId"] = message.MessageId,
            ["To"] = message.To,
            ["ToName"] = message.ToName,
            ["Subject"] = message.Subject,
            ["Kind"] = message.Kind.ToString(),
            ["ComplaintId"] = message.ComplaintId,
            ["StoredAt"] = storedAt,
        };
        WriteChunks(entity, "Html", message.HtmlBody ?? string.Empty);
        WriteChunks(entity, "Text", message.TextBody ?? string.Empty);
        return entity;
    }

    private static OutboxEntry FromEntity(TableEntity entity)
    {
        var message = new EmailMessage(
            entity.GetString("MessageId"),
            entity.GetString("To"),
            entity.GetString("ToName"),
            entity.GetString("Subject") ?? string.Empty,
            ReadChunks(entity, "Html"),
            ReadChunks(entity, "Text"),
            Enum.TryParse<EmailKind>(entity.GetString("Kind"), out var kind) ? kind : default,
            entity.GetString("ComplaintId"));
        return new OutboxEntry(message, entity.GetDateTimeOffset("StoredAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue);
    }

    private static void WriteChunks(TableEntity entity, string name, string body)
    {
        var start = 0;
        for (var i = 0; start < body.Length || i == 0; i++)
        {
            var length = Math.Min(ChunkLength, body.Length - start);
            if (start + length < body.Length && char.IsHighSurrogate(body[start + length - 1]))
            {
                length--; // never split a surrogate pair: serializers replace a lone half with U+FFFD
            }

            entity[ChunkName(name, i)] = body.Substring(start, length);
            start += length;
        }
    }

    private static string ReadChunks(TableEntity entity, string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; entity.GetString(ChunkName(name, i)) is { } chunk; i++)
        {
            builder.Append(chunk);
        }

        return builder.ToString();
    }

    private static string ChunkName(string name, int index) =>
        index == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}{index}");

    private static string RecipientKey(string address) => KeyPart(address.Trim().ToLowerInvariant());

    /// <summary>
    /// Text made safe for a RowKey: letters, digits and <c>-_.@+</c> kept, anything else (including the '|'
    /// separator) as <c>~XXXX</c>; overly long parts replaced by their SHA-256, so keys stay short and distinct.
    /// </summary>
    private static string KeyPart(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '+')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Length <= MaxKeyPartLength
            ? builder.ToString()
            : "~h" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Kind} email {MessageId} to {Recipient} in the outbox")]
    private static partial void LogStored(ILogger logger, EmailKind kind, string messageId, string recipient);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} email {MessageId} was already in the outbox; kept the first copy")]
    private static partial void LogAlreadyStored(ILogger logger, EmailKind kind, string messageId);
}
