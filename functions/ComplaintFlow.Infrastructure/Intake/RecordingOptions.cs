namespace ComplaintFlow.Infrastructure.Intake;

/// <summary>Recording accepted deliveries after the answer (configuration section "Recording").</summary>
public sealed class RecordingOptions
{
    public const string SectionName = "Recording";

    /// <summary>Deliveries recorded at once. Fewer leave more of the storage account to intake during a burst; the backlog drains after it.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// Recording waits until no delivery has been accepted for this long, so that during a burst the storage serves
    /// intake first. Zero records at once.
    /// </summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a delivery waits for a quiet moment; after that it is recorded even while intake is busy.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often storage is searched for deliveries still unrecorded (after a crash, or by another host); also done at start.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a recorded delivery is kept, so that a repeat of it is answered as the first was; older ones are deleted
    /// (a repeat after that is a new delivery, though its <c>externalId</c> is still never started twice).
    /// </summary>
    public TimeSpan KeepDeliveries { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Workers is < 1 or > 256)
        {
            errors.Add("Recording:Workers must be from 1 to 256.");
        }

        if (QuietPeriod < TimeSpan.Zero || QuietPeriod > TimeSpan.FromMinutes(1))
        {
            errors.Add("Recording:QuietPeriod must be from 00:00:00 to 00:01:00.");
        }

        if (MaxDelay < TimeSpan.Zero)
        {
            errors.Add("Recording:MaxDelay must not be negative.");
        }

        if (KeepDeliveries < TimeSpan.FromDays(1))
        {
            errors.Add("Recording:KeepDeliveries must be at least 1.00:00:00 (senders retry for hours, sometimes days).");
        }

        if (SweepInterval <= TimeSpan.Zero)
        {
            errors.Add("Recording:SweepInterval must be positive, e.g. 00:00:30.");
        }

        return errors;
    }
}
