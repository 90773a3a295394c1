using ComplaintFlow.Core.Assignment;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Finds an agent of the roster or says clearly which one is missing (a configuration error).</summary>
public static class AgentLookup
{
    public static async Task<Agent> RequireAsync(IAgentDirectory directory, string agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return await directory.FindAsync(agentId, cancellationToken)
            ?? throw new InvalidOperationException($"Agent '{agentId}' is not in the roster; add it under Agents in the configuration.");
    }
}
