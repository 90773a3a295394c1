namespace ComplaintFlow.Bench;

/// <summary>How a soak run drives the local host.</summary>
/// <param name="Duration">How long traffic runs.</param>
/// <param name="RatePerSecond">Complaints filed a second, steadily.</param>
/// <param name="SampleEvery">How often memory, handles, storage and latency are sampled.</param>
/// <param name="FirstResponse">The urgent first-response window: reminders at half and four fifths, the breach escalates to the lead.</param>
/// <param name="DrainPatience">After traffic stops, how long every accepted complaint gets to close.</param>
/// <param name="CollectBeforeSample">Run a full, compacting garbage collection before reading the heap (default), so the sample is what is live and not where the collector happened to be; one a minute costs the run nothing measurable.</param>
internal sealed record SoakOptions(
    TimeSpan Duration,
    double RatePerSecond = 0.5,
    TimeSpan? SampleEvery = null,
    TimeSpan? FirstResponse = null,
    TimeSpan? DrainPatience = null,
    bool CollectBeforeSample = true)
{
    public TimeSpan Sample => SampleEvery ?? TimeSpan.FromMinutes(1);

    public TimeSpan Window => FirstResponse ?? TimeSpan.FromSeconds(20);

    public TimeSpan Drain => DrainPatience ?? TimeSpan.FromMinutes(5);
}
