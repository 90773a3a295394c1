namespace ComplaintFlow.Core.Privacy;

/// <summary>The <c>Privacy</c> settings: how long closed complaints keep their personal data.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How long after it closed a complaint keeps the customer's personal data; the retention sweep erases it then.</summary>
    public TimeSpan RetainClosedFor { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the local host runs the retention sweep (the Functions app runs it daily on a timer).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an erasure waits for a terminated workflow to stop before it answers "not finished, ask again".</summary>
    public TimeSpan WorkflowStopTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<string> Validate()
    {
        if (WorkflowStopTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"Privacy:WorkflowStopTimeout must be at least 00:00:01; it is {WorkflowStopTimeout}.";
        }

        if (RetainClosedFor <= TimeSpan.Zero)
        {
            yield return $"Privacy:RetainClosedFor must be a positive time span such as 365.00:00:00 (365 days); it is {RetainClosedFor}.";
        }

        if (SweepInterval < TimeSpan.FromSeconds(1))
        {
            yield return $"Privacy:SweepInterval must be at least 00:00:01; it is {SweepInterval}.";
        }
    }
}
