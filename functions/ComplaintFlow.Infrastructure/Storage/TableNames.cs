namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>The complaint store's tables, all starting with the configured prefix.</summary>
public sealed record TableNames(string Prefix)
{
    /// <summary>One row per complaint: partition = month of receipt (<c>yyyyMM</c>), row = complaint id.</summary>
    public string Complaints => Prefix + "complaints";

    /// <summary>The timeline: partition = complaint id, rows in order.</summary>
    public string Timeline => Prefix + "timeline";

    /// <summary>Accepted deliveries (partition = scope, row = key), claimed external ids and the ids that lead to an earlier complaint.</summary>
    public string Deliveries => Prefix + "deliveries";

    /// <summary>The roster with open-load counters, and which agent holds which complaint.</summary>
    public string Agents => Prefix + "agents";

    /// <summary>Which complaints are whose: partition = the customer's <c>CustomerKey</c> (a hash of their id), row = complaint id.</summary>
    public string Customers => Prefix + "customers";

    /// <summary>The complaints not finished yet: partition <c>open</c>, row = complaint id (the work queue reads it).</summary>
    public string Open => Prefix + "open";

    public IReadOnlyList<string> All => [Complaints, Timeline, Deliveries, Agents, Customers, Open];
}
