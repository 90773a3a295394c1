using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Orchestration;

namespace ComplaintFlow.Local.Durable;

/// <summary>
/// An <see cref="IDurableStore"/> on Azure Table Storage (or Azurite), in one table, <c>{prefix}history</c>. Each instance
/// has a partition (partition = instance id) holding its instance row (status, input, output, custom
/// status; <c>{id}|instance</c>), its history rows (<c>{id}|h{generation:D8}-{sequence:D10}</c>, in order) and its undelivered
/// messages (<c>{id}|p{key}</c>), so one episode — its new events, the messages it consumed and the instance row, replaced with
/// If-Match on its ETag — commits in one entity-group transaction: one request, all or nothing. Long payloads are split
/// across properties (<see cref="TablePayload"/>); too large ones are refused.
/// </summary>
public sealed class TableDurableStore : IDurableStore
{
    private const string InstanceKind = "instance";
    private const int MaxBatchActions = 100;
    private const int MaxBatchBytes = 3_500_000;

    private readonly TableServiceClient _service;
    private readonly TableClient _history;
    private readonly object _initGate = new();
    private Task? _init;

    /// <param name="service">The storage account's table service.</param>
    /// <param name="tablePrefix">Prefix of the table name (letters and digits, starting with a letter).</param>
    public TableDurableStore(TableServiceClient service, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        _service = service;
        _history = service.GetTableClient(tablePrefix + "history");
    }

    /// <summary>The history table's name.</summary>
    public string HistoryTableName => _history.Name;

    public Task InitializeAsync(CancellationToken cancellationToken) => EnsureTablesAsync(cancellationToken);

    public async Task<bool> TryCreateInstanceAsync(InstanceRecord instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ValidateKey(instance.InstanceId);
        await EnsureTablesAsync(cancellationToken);
        try
        {
            await _history.AddEntityAsync(ToEntity(instance), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidKey(instanceId))
        {
            return null;
        }

        await EnsureTablesAsync(cancellationToken);
        var response = await _history.GetEntityIfExistsAsync<TableEntity>(instanceId, InstanceRowKey(instanceId), cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async IAsyncEnumerable<InstanceRecord> GetInstancesAsync(
        IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"Kind eq {InstanceKind}");
        if (statuses is { Count: > 0 })
        {
            filter += " and (" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")";
        }

        await foreach (var entity in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, int generation, CancellationToken cancellationToken)
    {
        if (!IsValidKey(instanceId))
        {
            return [];
        }

        await EnsureTablesAsync(cancellationToken);
        var prefix = GenerationPrefix(instanceId, generation);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var events = new List<HistoryEvent>();
        await foreach (var entity in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(ToEvent(entity));
        }

        return events;
    }

    public async Task AddPendingMessageAsync(string instanceId, PendingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ValidateKey(instanceId);
        await EnsureTablesAsync(cancellationToken);
        var entity = ToEntity(instanceId, PendingRowKey(instanceId, message.Key), message.Event);
        TablePayload.EnsureFits(entity, $"Message '{message.Event.Name ?? message.Event.Type.ToString()}' for orchestration '{instanceId}'");
        await _history.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingMessage>> GetPendingMessagesAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidKey(instanceId))
        {
            return [];
        }

        await EnsureTablesAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {PendingRowKey(instanceId, string.Empty)} and RowKey lt {instanceId + "|q"}");
        var messages = new List<PendingMessage>();
        await foreach (var entity in _history.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            messages.Add(new PendingMessage(entity.RowKey[PendingRowKey(instanceId, string.Empty).Length..], ToEvent(entity)));
        }

        return messages;
    }

    public async Task DeletePendingMessagesAsync(string instanceId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!IsValidKey(instanceId))
        {
            return;
        }

        await EnsureTablesAsync(cancellationToken);
        foreach (var key in keys)
        {
            await DeleteIfExistsAsync(_history, instanceId, PendingRowKey(instanceId, key), cancellationToken);
        }
    }

    public async Task<string> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        var id = instance.InstanceId;
        await EnsureTablesAsync(cancellationToken);

        var rows = new List<TableTransactionAction>(commit.NewEvents.Count + commit.ConsumedPendingKeys.Count);
        for (var i = 0; i < commit.NewEvents.Count; i++)
        {
            var entity = ToEntity(id, HistoryRowKey(id, instance.Generation, commit.FirstSequence + i), commit.NewEvents[i]);
            TablePayload.EnsureFits(entity, $"History event {commit.NewEvents[i].Type} of orchestration '{id}'");
            rows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        // Everything is measured before anything is written, so a payload that is too large changes nothing.
        var record = ToEntity(instance);
        TablePayload.EnsureFits(record, $"The record of orchestration '{id}'");
        var expected = new ETag(instance.ETag ?? throw new ArgumentException("The commit has no ETag.", nameof(commit)));
        var update = new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, expected);
        var deletes = commit.ConsumedPendingKeys
            .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, PendingRowKey(id, key)), ETag.All))
            .ToList();
        string etag;
        try
        {
            // Upserts keep a retried commit idempotent; the instance row rides in the last batch, so normally all of it is one transaction.
            etag = await SubmitAsync([.. rows, .. deletes, update], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404 && deletes.Count > 0)
        {
            // A consumed message was already gone: write the history and the record, then delete what is left one by one.
            etag = await SubmitOrConflictAsync(id, [.. rows, update], cancellationToken);
            await DeletePendingMessagesAsync(id, commit.ConsumedPendingKeys.ToList(), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new DurableConcurrencyException($"Orchestration instance '{id}' was changed or deleted by someone else.", ex);
        }

        if (commit.FirstSequence == 0 && instance.Generation > 0)
        {
            await DeleteEarlierGenerationsAsync(id, instance.Generation, cancellationToken);
        }

        return etag;
    }

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidKey(instanceId))
        {
            return false;
        }

        await EnsureTablesAsync(cancellationToken);
        var response = await _history.GetEntityIfExistsAsync<TableEntity>(instanceId, InstanceRowKey(instanceId), cancellationToken: cancellationToken);
        if (!response.HasValue || !ToRecord(response.Value!).IsFinished)
        {
            return false;
        }

        try
        {
            await _history.DeleteEntityAsync(instanceId, InstanceRowKey(instanceId), response.Value!.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }

        await DeleteRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), instanceId, cancellationToken);
        return true;
    }

    private Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        lock (_initGate)
        {
            if (_init is null || _init.IsFaulted || _init.IsCanceled)
            {
                _init = CreateTablesAsync();
            }

            return _init.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateTablesAsync()
    {
        await _service.CreateTableIfNotExistsAsync(_history.Name, CancellationToken.None);
    }

    private async Task<string> SubmitOrConflictAsync(string id, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return await SubmitAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new DurableConcurrencyException($"Orchestration instance '{id}' was changed or deleted by someone else.", ex);
        }
    }

    /// <summary>Submits in batches of at most 100 actions; returns the ETag of the last action (the instance row).</summary>
    private async Task<string> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>(MaxBatchActions);
        var bytes = 0;
        foreach (var action in actions)
        {
            var size = TablePayload.EstimateBytes(action.Entity is TableEntity entity ? entity : new TableEntity(action.Entity.PartitionKey, action.Entity.RowKey));
            if (batch.Count == MaxBatchActions || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                await _history.SubmitTransactionAsync(batch, cancellationToken);
                batch = new List<TableTransactionAction>(MaxBatchActions);
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        var responses = await _history.SubmitTransactionAsync(batch, cancellationToken);
        return responses.Value[^1].Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag.");
    }

    private Task DeleteEarlierGenerationsAsync(string instanceId, int generation, CancellationToken cancellationToken) =>
        DeleteRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {instanceId + "|h"} and RowKey lt {GenerationPrefix(instanceId, generation)}"), instanceId, cancellationToken);

    private async Task DeleteRowsAsync(string filter, string instanceId, CancellationToken cancellationToken)
    {
        var deletes = new List<TableTransactionAction>();
        await foreach (var row in _history.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, row.RowKey), ETag.All));
        }

        foreach (var chunk in deletes.Chunk(MaxBatchActions))
        {
            await _history.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    // Row keys start with the instance id: unique across the table, so a store that looks rows up by RowKey first
    // (Azurite does) finds one row, not one per instance. Within the partition the order is history, instance, pending.
    private static string InstanceRowKey(string instanceId) => instanceId + "|instance";

    private static string GenerationPrefix(string instanceId, int generation) => instanceId + "|h" + generation.ToString("D8", CultureInfo.InvariantCulture) + "-";

    private static string HistoryRowKey(string instanceId, int generation, int sequence) =>
        GenerationPrefix(instanceId, generation) + sequence.ToString("D10", CultureInfo.InvariantCulture);

    private static string PendingRowKey(string instanceId, string key) => instanceId + "|p" + key;

    private static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static void ValidateKey(string instanceId)
    {
        if (!IsValidKey(instanceId))
        {
            throw new ArgumentException($"'{instanceId}' cannot be a Table Storage key: use at most 512 characters without '/', '\\', '#', '?' or control characters.", nameof(instanceId));
        }
    }

    private static TableEntity ToEntity(InstanceRecord record)
    {
        var entity = new TableEntity(record.InstanceId, InstanceRowKey(record.InstanceId))
        {
            ["Kind"] = InstanceKind,
            ["Name"] = record.Name,
            ["Status"] = record.Status.ToString(),
            ["CreatedAt"] = record.CreatedAt,
            ["LastUpdatedAt"] = record.LastUpdatedAt,
            ["Generation"] = record.Generation,
        };
        TablePayload.Write(entity, "Input", record.Input);
        TablePayload.Write(entity, "Output", record.Output);
        TablePayload.Write(entity, "CustomStatus", record.CustomStatus);
        TablePayload.Write(entity, "Failure", record.FailureDetails);
        TablePayload.EnsureFits(entity, $"The record of orchestration '{record.InstanceId}'");
        return entity;
    }

    private static InstanceRecord ToRecord(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.GetString("Name") ?? string.Empty,
            Enum.Parse<OrchestrationRuntimeStatus>(entity.GetString("Status") ?? nameof(OrchestrationRuntimeStatus.Pending)),
            entity.GetDateTimeOffset("CreatedAt") ?? default,
            entity.GetDateTimeOffset("LastUpdatedAt") ?? default)
        {
            Input = TablePayload.Read(entity, "Input"),
            Output = TablePayload.Read(entity, "Output"),
            CustomStatus = TablePayload.Read(entity, "CustomStatus"),
            FailureDetails = TablePayload.Read(entity, "Failure"),
            Generation = entity.GetInt32("Generation") ?? 0,
            ETag = entity.ETag.ToString(),
        };

    private static TableEntity ToEntity(string instanceId, string rowKey, HistoryEvent e)
    {
        // Times are kept as UTC ticks so a replay after a restart sees exactly the times the first run saw.
        var entity = new TableEntity(instanceId, rowKey)
        {
            ["Type"] = e.Type.ToString(),
            ["AtTicks"] = e.Timestamp.UtcTicks,
            ["TaskId"] = e.TaskId,
        };
        if (e.Name is not null)
        {
            entity["Name"] = e.Name;
        }

        if (e.FireAt is { } fireAt)
        {
            entity["FireAtTicks"] = fireAt.UtcTicks;
        }

        if (e.ErrorType is not null)
        {
            entity["ErrorType"] = e.ErrorType;
        }

        TablePayload.Write(entity, "ErrorMessage", e.ErrorMessage);
        TablePayload.Write(entity, "Data", e.Data);
        return entity;
    }

    private static HistoryEvent ToEvent(TableEntity entity) =>
        new(Enum.Parse<HistoryEventType>(entity.GetString("Type")!), new DateTimeOffset(entity.GetInt64("AtTicks") ?? 0, TimeSpan.Zero))
        {
            TaskId = entity.GetInt32("TaskId") ?? -1,
            Name = entity.GetString("Name"),
            FireAt = entity.GetInt64("FireAtTicks") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
            ErrorType = entity.GetString("ErrorType"),
            ErrorMessage = TablePayload.Read(entity, "ErrorMessage"),
            Data = TablePayload.Read(entity, "Data"),
        };
}
