using System.Text.RegularExpressions;

namespace ComplaintFlow.Local.Engine;

/// <summary>
/// The local host's task hub on the Durable Task Framework's Azure Storage provider: the same layout Durable Functions
/// gives a hub in Azure (its instances and history tables, one control queue per partition, a work-item queue, lease
/// blobs), in the storage account the host uses. Section <c>DurableTask</c>, as <c>extensions.durableTask</c> in host.json.
/// </summary>
public sealed partial class DurableEngineOptions
{
    public const string Section = "DurableTask";

    /// <summary>The task hub's name: 3 to 45 letters and digits, starting with a letter (DTFx names its tables and queues after it).</summary>
    public string HubName { get; set; } = "ComplaintFlow";

    /// <summary>Control-queue partitions (1 to 16); Durable Functions' default is 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// How long a dequeued activity message stays invisible to other workers. A host killed while running an activity
    /// leaves it invisible this long; locally it is short, so a restarted host carries on within seconds (Azure's default
    /// is 5 minutes). It must stay longer than any activity runs: none of ours does I/O for more than a few seconds.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The same for orchestration messages on the control queues (Azure's default is 5 minutes).</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest pause between polls of an empty queue (Azure's default is 30 s; locally 2 s, so a click acts promptly).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(HubName) || !HubNamePattern().IsMatch(HubName))
        {
            yield return $"{Section}:HubName must be 3 to 45 letters and digits starting with a letter (it names the hub's tables and queues); it is '{HubName}'.";
        }

        if (PartitionCount is < 1 or > 16)
        {
            yield return $"{Section}:PartitionCount must be from 1 to 16; it is {PartitionCount}.";
        }

        foreach (var (name, value) in new[] { (nameof(WorkItemVisibilityTimeout), WorkItemVisibilityTimeout), (nameof(ControlQueueVisibilityTimeout), ControlQueueVisibilityTimeout) })
        {
            if (value < TimeSpan.FromSeconds(5) || value > TimeSpan.FromDays(7))
            {
                yield return $"{Section}:{name} must be from 00:00:05 to 7.00:00:00 (a queue message's longest invisibility); it is {value}.";
            }
        }

        if (MaxQueuePollingInterval < TimeSpan.FromMilliseconds(100) || MaxQueuePollingInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:MaxQueuePollingInterval must be from 00:00:00.1 to 00:01:00; it is {MaxQueuePollingInterval}.";
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}
