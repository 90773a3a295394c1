namespace ComplaintFlow.Local.Simulator;

/// <summary>Tuning for the <see cref="DurableSimulator"/>.</summary>
public sealed record DurableSimulatorOptions
{
    /// <summary>Activities that may run at the same time across all instances (default 16).</summary>
    public int MaxConcurrentActivities { get; init; } = 16;

    /// <summary>ContinueAsNew generations one batch of messages may run through before the instance is failed as looping (default 1,000).</summary>
    public int MaxContinueAsNewPerBatch { get; init; } = 1_000;
}
