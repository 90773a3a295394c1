namespace ComplaintFlow.Bench;

/// <summary>One sample of a soak run, taken every <see cref="SoakOptions.SampleEvery"/>.</summary>
/// <param name="Minute">Minutes since traffic started.</param>
/// <param name="WorkingSetMiB">The process's working set (host, engine and the soak's clients).</param>
/// <param name="GcHeapMiB">The managed heap (after a full collection when <see cref="SoakOptions.CollectBeforeSample"/>).</param>
/// <param name="Handles">Open handles (file descriptors on Linux).</param>
/// <param name="Threads">OS threads of the process.</param>
/// <param name="StorageRequestsPerSecond">HTTP requests this process sent to Azurite since the last sample, per second (the app's and the engine's).</param>
/// <param name="AzuriteCpuPercent">CPU Azurite used since the last sample, as a percentage of one core.</param>
/// <param name="IntakeP50">Intake latency since the last sample, ms.</param>
/// <param name="IntakeP99">Intake latency since the last sample, ms.</param>
/// <param name="ActionP50">Link form posts' latency since the last sample, ms.</param>
/// <param name="ActionP99">Link form posts' latency since the last sample, ms.</param>
/// <param name="Accepted">Complaints answered 202 so far.</param>
/// <param name="Closed">Of those, closed so far (their closure email went out).</param>
/// <param name="RecordingBacklog">Accepted deliveries not yet recorded (the intake pump's queue).</param>
/// <param name="Failures">Failed requests so far.</param>
internal sealed record SoakSample(
    double Minute,
    double WorkingSetMiB,
    double GcHeapMiB,
    int Handles,
    int Threads,
    double StorageRequestsPerSecond,
    double AzuriteCpuPercent,
    double IntakeP50,
    double IntakeP99,
    double ActionP50,
    double ActionP99,
    int Accepted,
    int Closed,
    int RecordingBacklog,
    int Failures)
{
    /// <summary>The workflow backlog: complaints accepted and not yet closed.</summary>
    public int Open => Accepted - Closed;
}
