using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Infrastructure.Email;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// The people of a scenario, on one runtime: the customer files and answers, agents decide, each acting when the email
/// they act on has arrived, as they would. Acting means what their links do: an event raised through the runtime's
/// <see cref="DurableTaskClient"/> for the complaint's current tier and round.
/// </summary>
public sealed class ScenarioPlay(ConformanceRuntime runtime, ScenarioTiming timing)
{
    private readonly List<string> _filed = [];
    private readonly CancellationToken _ct = runtime.Stopping;

    /// <summary>The complaints filed so far, in order.</summary>
    public IReadOnlyList<string> Filed => _filed;

    private IServiceProvider Services => runtime.Services;

    /// <summary>The customer files a complaint; intake takes it as the webhook hands it over once the request is verified.</summary>
    public async Task<string> FileAsync(ComplaintSubmission submission)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, WorkflowJson.Options);
        var key = new IntakeKey(IntakeKey.WebhookScope, "msg_" + Guid.NewGuid().ToString("N"));
        var outcome = await Services.GetRequiredService<ComplaintIntake>().AcceptAsync(submission, key, RequestFingerprint.Of(body), _ct);
        var id = outcome.Receipt?.ComplaintId ?? throw new InvalidOperationException($"{runtime.Runtime}: intake answered {outcome.Kind}.");
        _filed.Add(id);
        return id;
    }

    /// <summary>Waits until <paramref name="to"/> has had <paramref name="count"/> emails of <paramref name="kind"/> about the complaint.</summary>
    public Task EmailedAsync(string id, Recipient to, EmailKind kind, int count = 1) =>
        UntilAsync(id, async () => (await EmailsAsync(id)).Count(m => m == new Mail(to, kind)) >= count, $"email {count} of {kind} to {to}");

    /// <summary>Waits until the complaint's workflow has finished.</summary>
    public Task FinishedAsync(string id) =>
        UntilAsync(id, async () => (await Client.GetInstanceAsync(id, getInputsAndOutputs: false, _ct))?.IsCompleted == true, "the end of the workflow");

    /// <summary>Whoever holds the complaint now submits the decision page of the email they got.</summary>
    public async Task AgentDecidesAsync(string id, AgentDecisionKind kind, string text, Compensation compensation = Compensation.None)
    {
        var complaint = await ComplaintAsync(id) ?? throw new InvalidOperationException($"No complaint {id}.");
        await RaiseAsync(id, WorkflowNames.Events.AgentDecision, new AgentDecision(kind, complaint.AssignedAgent!, LinkGeneration.ForAssignment(complaint), text, compensation));
    }

    /// <summary>The customer answers the outcome email of the current round.</summary>
    public async Task CustomerConfirmsAsync(string id, bool satisfied, int rating, string? comment = null)
    {
        var complaint = await ComplaintAsync(id) ?? throw new InvalidOperationException($"No complaint {id}.");
        await RaiseAsync(id, WorkflowNames.Events.CustomerConfirmation, new CustomerConfirmation(satisfied, LinkGeneration.ForConfirmation(complaint.Round), rating, comment));
    }

    /// <summary>The customer answers the question the complaint is waiting on.</summary>
    public async Task CustomerAddsInformationAsync(string id, string information)
    {
        var complaint = await ComplaintAsync(id) ?? throw new InvalidOperationException($"No complaint {id}.");
        await RaiseAsync(id, WorkflowNames.Events.CustomerInfoProvided, new CustomerInfoProvided(information, LinkGeneration.ForAssignment(complaint)));
    }

    /// <summary>How the complaint stands: the instance, the record, the outbox.</summary>
    public async Task<ObservedComplaint> ObserveAsync(string id)
    {
        var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, _ct);
        var complaint = await ComplaintAsync(id) ?? throw new InvalidOperationException($"{runtime.Runtime}: no record of complaint {id}.");
        var outcome = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<ComplaintWorkflowResult>()?.Outcome ?? ComplaintOutcome.None : ComplaintOutcome.None;
        return new ObservedComplaint(
            instance?.RuntimeStatus ?? OrchestrationRuntimeStatus.Pending,
            outcome,
            complaint.Status,
            complaint.Outcome,
            complaint.Round,
            complaint.EscalationTier,
            [.. complaint.Timeline.Select(e => e.Kind)],
            await EmailsAsync(id),
            await DescribeAsync(id));
    }

    private DurableTaskClient Client => runtime.Client;

    private async Task RaiseAsync(string id, string eventName, object payload) => await Client.RaiseEventAsync(id, eventName, payload, _ct);

    private async Task<Complaint?> ComplaintAsync(string id) =>
        (await Services.GetRequiredService<IComplaintStore>().FindAsync(ComplaintId.Parse(id), _ct))?.Complaint;

    /// <summary>The emails about the complaint, oldest first, by recipient role and kind.</summary>
    private async Task<IReadOnlyList<Mail>> EmailsAsync(string id)
    {
        var complaint = await ComplaintAsync(id);
        if (complaint is null)
        {
            return [];
        }

        var sent = await Services.GetRequiredService<IOutboxReader>().ListAsync(1_000, complaintId: id, ct: _ct);
        return [.. sent.Reverse().Select(e => new Mail(RecipientOf(e.Message.To, complaint), e.Message.Kind))];
    }

    private Recipient RecipientOf(string address, Complaint complaint)
    {
        if (string.Equals(address, complaint.Customer.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Recipient.Customer;
        }

        var routing = Services.GetRequiredService<RoutingPolicy>();
        var agent = Services.GetRequiredService<IOptions<List<AgentOptions>>>().Value.FirstOrDefault(a => string.Equals(a.Email, address, StringComparison.OrdinalIgnoreCase));
        return agent switch
        {
            null => Recipient.Other,
            _ when agent.Id == routing.Manager => Recipient.Manager,
            _ when complaint.Team is { } team && agent.Id == routing.LeadOf(team) => Recipient.Lead,
            _ when agent.Team == complaint.Team => Recipient.Agent,
            _ => Recipient.Other,
        };
    }

    private async Task UntilAsync(string id, Func<Task<bool>> condition, string what)
    {
        if (!await runtime.PassUntilAsync(condition, timing.Patience))
        {
            Assert.Fail($"On {runtime.Runtime}, {what} for {id} did not come within {timing.Patience}. So far:\n{await DescribeAsync(id)}");
        }
    }

    /// <summary>The timeline with times (seconds after receipt) and summaries, and the emails: what a failure message needs.</summary>
    private async Task<string> DescribeAsync(string id)
    {
        var complaint = await ComplaintAsync(id);
        if (complaint is null)
        {
            return "(no record yet)";
        }

        var text = new StringBuilder();
        var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: false, _ct);
        text.AppendLine(CultureInfo.InvariantCulture, $"{id}: instance {instance?.RuntimeStatus.ToString() ?? "missing"}, custom status {instance?.SerializedCustomStatus}");
        foreach (var entry in complaint.Timeline)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(entry.At - complaint.ReceivedAt).TotalSeconds,7:0.000} s  {entry.Kind,-20} {entry.Actor,-14} {entry.Summary}");
        }

        text.AppendLine("  emails: " + string.Join(", ", await EmailsAsync(id)));
        return text.ToString();
    }
}
