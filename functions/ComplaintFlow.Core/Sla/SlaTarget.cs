namespace ComplaintFlow.Core.Sla;

/// <summary>The SLA windows for one severity (configuration <c>Sla:Targets:{Severity}</c>).</summary>
public sealed class SlaTarget
{
    /// <summary>How long until the first response is due.</summary>
    public TimeSpan FirstResponse { get; set; }

    /// <summary>How long until the resolution is due.</summary>
    public TimeSpan Resolution { get; set; }

    /// <summary>
    /// <see langword="true"/>: the windows are calendar time and run day and night; <see langword="false"/>: they
    /// are business time and run only inside the working hours.
    /// </summary>
    public bool AroundTheClock { get; set; }

    internal SlaTarget Copy() => new() { FirstResponse = FirstResponse, Resolution = Resolution, AroundTheClock = AroundTheClock };
}
