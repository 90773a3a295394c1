namespace ComplaintFlow.Local.Simulator;

/// <summary>Counters since the runtime was created, for benchmarks and diagnostics.</summary>
/// <param name="EpisodesRun">Episodes executed (each replays the orchestrator from the start).</param>
/// <param name="EventsReplayed">Recorded history events replayed across all episodes.</param>
/// <param name="ActivitiesRun">Activity tries, retries included.</param>
/// <param name="InstancesFinished">Instances that completed, failed or were terminated.</param>
public sealed record DurableSimulatorMetrics(long EpisodesRun, long EventsReplayed, long ActivitiesRun, long InstancesFinished);
