using Azure;
using Azure.Data.Tables;
using ComplaintFlow.Core.Assignment;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// The roster in the agents table: partition <c>agent</c> (row = agent id) holds each agent with their open-load counter;
/// partition <c>holder</c> (row = complaint id) says which agent holds a complaint. Counters change only with ETags, so
/// concurrent assignments never lose a count; the holder row makes assigning and releasing safe to repeat.
/// </summary>
public sealed class TableAgentDirectory : IAgentDirectory
{
    private const string AgentPartition = "agent";
    private const string HolderPartition = "holder";
    private const int MaxAttempts = 50;
    private readonly TableClient _table;

    public TableAgentDirectory(TableServiceClient service, TableNames names)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(names);
        _table = service.GetTableClient(names.Agents);
    }

    public async Task<Agent?> FindAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(AgentPartition, TableKey.From(agentId), cancellationToken: cancellationToken);
        return row.HasValue ? ToAgent(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Agent>> ListTeamAsync(string team, CancellationToken cancellationToken = default)
    {
        var agents = new List<Agent>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {AgentPartition} and Team eq {team}"), cancellationToken: cancellationToken))
        {
            agents.Add(ToAgent(row));
        }

        return agents;
    }

    public async Task<AgentAssignment> AssignAsync(string team, string complaintId, DateTimeOffset now, string? avoidAgentId = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var holder = await _table.GetEntityIfExistsAsync<TableEntity>(HolderPartition, TableKey.From(complaintId), cancellationToken: cancellationToken);
            if (holder.HasValue)
            {
                return await FinishAsync(holder.Value!, now, cancellationToken);
            }

            var members = await ListTeamAsync(team, cancellationToken);
            var pick = RoutingPolicy.PickFor(team, members, avoidAgentId);
            var row = new TableEntity(HolderPartition, TableKey.From(complaintId))
            {
                ["ComplaintId"] = complaintId,
                ["Team"] = team,
                ["AgentId"] = pick.Id,
                ["Counted"] = false,
            };
            try
            {
                var added = await _table.AddEntityAsync(row, cancellationToken);
                row.ETag = added.Headers.ETag ?? ETag.All;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                continue; // assigned concurrently: take that answer
            }

            return await FinishAsync(row, now, cancellationToken);
        }

        throw new InvalidOperationException($"Could not assign complaint {complaintId} after {MaxAttempts} tries: too much contention on the agents table.");
    }

    public async Task ReleaseAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        var holder = await _table.GetEntityIfExistsAsync<TableEntity>(HolderPartition, TableKey.From(complaintId), cancellationToken: cancellationToken);
        if (!holder.HasValue)
        {
            return;
        }

        var row = holder.Value!;
        if (row.GetBoolean("Counted") == true)
        {
            await ChangeLoadAsync(row.GetString("AgentId"), -1, null, cancellationToken);
        }

        try
        {
            await _table.DeleteEntityAsync(row, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Released (or reassigned) concurrently: nothing left to do.
        }
    }

    public async Task SeedAsync(IEnumerable<AgentOptions> roster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        foreach (var agent in roster)
        {
            // Merge keeps the load counters of agents who already exist.
            await _table.UpsertEntityAsync(
                new TableEntity(AgentPartition, TableKey.From(agent.Id))
                {
                    ["AgentId"] = agent.Id,
                    ["Name"] = agent.Name,
                    ["Email"] = agent.Email,
                    ["Team"] = agent.Team,
                    ["Active"] = agent.Active,
                },
                TableUpdateMode.Merge,
                cancellationToken);
        }
    }

    private async Task<AgentAssignment> FinishAsync(TableEntity holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assignment = new AgentAssignment(holder.GetString("ComplaintId"), holder.GetString("Team"), holder.GetString("AgentId"));
        if (holder.GetBoolean("Counted") != true)
        {
            await ChangeLoadAsync(assignment.AgentId, +1, now, cancellationToken);
            holder["Counted"] = true;
            try
            {
                await _table.UpdateEntityAsync(holder, holder.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A concurrent repeat counted it first (and will mark it); keep its count, undo ours.
                await ChangeLoadAsync(assignment.AgentId, -1, null, cancellationToken);
            }
        }

        return assignment;
    }

    private async Task ChangeLoadAsync(string agentId, int delta, DateTimeOffset? assignedAt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(AgentPartition, TableKey.From(agentId), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return; // removed from the roster: nothing to count
            }

            var row = found.Value!;
            row["OpenComplaints"] = Math.Max(0, (row.GetInt32("OpenComplaints") ?? 0) + delta);
            if (assignedAt is { } at)
            {
                row["LastAssignedAt"] = at;
            }

            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone else changed this agent's load: back off a little (with jitter, so racing writers spread out) and read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (attempt * 5))), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Could not update the load of agent '{agentId}' after {MaxAttempts} tries.");
    }

    private static Agent ToAgent(TableEntity row) => new(
        row.GetString("AgentId") ?? row.RowKey,
        row.GetString("Name") ?? row.RowKey,
        row.GetString("Email") ?? string.Empty,
        row.GetString("Team") ?? string.Empty,
        row.GetBoolean("Active") ?? true,
        row.GetInt32("OpenComplaints") ?? 0,
        row.GetDateTimeOffset("LastAssignedAt"));
}
