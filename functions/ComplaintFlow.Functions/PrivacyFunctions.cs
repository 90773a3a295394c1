using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Functions;

/// <summary>The retention sweep: erases the personal data of complaints closed more than <c>Privacy:RetainClosedFor</c> ago.</summary>
public sealed class PrivacyFunctions(BoundDurableClient durable, CustomerErasure erasure, PrivacyOptions privacy)
{
    /// <summary>Daily at 19:30 UTC, 03:30 in Beijing: the quietest hour of a Chinese desk.</summary>
    [Function("RetentionSweep")]
    public async Task RetentionSweep([TimerTrigger("0 30 19 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await erasure.SweepAsync(privacy.RetainClosedFor, ct);
    }
}
