namespace ComplaintFlow.Infrastructure.Queues;

/// <summary>The intake queue (configuration section "IntakeQueue").</summary>
public sealed class IntakeQueueOptions
{
    public const string SectionName = "IntakeQueue";

    public string QueueName { get; set; } = "complaints-inbound";

    public string PoisonQueueName { get; set; } = "complaints-inbound-poison";

    /// <summary>Tries before a message that cannot be processed goes to the poison queue (Functions' <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message being processed stays invisible; also the wait before a failed message is tried again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the local host waits between polls of an empty queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(QueueName))
        {
            errors.Add("IntakeQueue:QueueName is required.");
        }

        if (string.IsNullOrWhiteSpace(PoisonQueueName))
        {
            errors.Add("IntakeQueue:PoisonQueueName is required.");
        }

        if (MaxDequeueCount < 1)
        {
            errors.Add("IntakeQueue:MaxDequeueCount must be at least 1.");
        }

        return errors;
    }
}
