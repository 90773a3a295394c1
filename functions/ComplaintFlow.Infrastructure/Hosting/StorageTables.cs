using ComplaintFlow.Infrastructure.Storage;

namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>The names of every table the product uses, all with the configured prefix (so tests and environments can share an account).</summary>
public sealed record StorageTables(TableNames Core)
{
    public string Outbox => Core.Prefix + "outbox";

    public string Actions => Core.Prefix + "actions";

    public string Index => Core.Prefix + "index";

    public string Restrictions => Core.Prefix + "restrictions";

    /// <summary>Originals of poisoned intake messages too large for the poison queue (see <c>TablePoisonArchive</c>).</summary>
    public string Poison => Core.Prefix + "poison";

    /// <summary>Statistics: partition = month of receipt, a facts row per complaint and an aggregate row per day.</summary>
    public string Statistics => Core.Prefix + "statistics";

    /// <summary>Which customers' personal data was erased, when and at whose request (see <c>TableErasureLog</c>).</summary>
    public string Erasures => Core.Prefix + "erasures";

    public IReadOnlyList<string> All => [.. Core.All, Outbox, Actions, Index, Restrictions, Poison, Statistics, Erasures];
}
