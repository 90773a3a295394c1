using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Assignment;

/// <summary>One team in configuration (<c>Teams</c>, a list): which categories it handles and who leads it (tier 2).</summary>
public sealed class TeamOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The agent id of the team lead, who gets the complaint at escalation tier 2.</summary>
    public string Lead { get; set; } = string.Empty;

    public List<Category> Categories { get; set; } = [];
}
