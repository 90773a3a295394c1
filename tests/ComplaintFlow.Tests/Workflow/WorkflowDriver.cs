using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Local.InMemory;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// Plays every role around the real orchestrator on the durable simulator: files complaints, lets time pass on a
/// fake clock, and answers as the agent and the customer would through their links (the events those links raise).
/// </summary>
public sealed class WorkflowDriver : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 10:00 in Shanghai: inside working hours.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private WorkflowDriver(InMemoryComplaintFlow flow, FakeTimeProvider time)
    {
        Flow = flow;
        Time = time;
    }

    public InMemoryComplaintFlow Flow { get; }

    public FakeTimeProvider Time { get; }

    /// <param name="start">When the clock starts; Monday morning unless told.</param>
    /// <param name="configureServices">Last say over the services.</param>
    /// <param name="settings">Configuration over the local host's Development settings, e.g. <c>Sla:Targets:Urgent:FirstResponse</c>.</param>
    public static async Task<WorkflowDriver> StartAsync(DateTimeOffset? start = null, Action<IServiceCollection>? configureServices = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var time = new FakeTimeProvider(start ?? MondayMorning);
        var flow = await InMemoryComplaintFlow.StartAsync(time, settings, configureServices: configureServices, cancellationToken: TestContext.Current.CancellationToken);
        return new WorkflowDriver(flow, time);
    }

    public async Task<string> FileAsync(ComplaintSubmission submission)
    {
        var id = await Flow.SubmitAsync(submission, _ct);
        await SettleAsync();
        return id;
    }

    /// <summary>
    /// Lets <paramref name="span"/> pass in steps (10 minutes unless told), letting the workflow catch up after each, as
    /// a real clock would; a timer set during a step fires in a later one.
    /// </summary>
    public async Task PassAsync(TimeSpan span, TimeSpan? step = null)
    {
        var end = Time.GetUtcNow() + span;
        var size = step ?? TimeSpan.FromMinutes(10);
        while (Time.GetUtcNow() < end)
        {
            Time.Advance(size < end - Time.GetUtcNow() ? size : end - Time.GetUtcNow());
            await SettleAsync();
        }
    }

    /// <summary>The team lead of the team a complaint was routed to (tier 2), per the default routing.</summary>
    public static string LeadOf(Complaint complaint) => new RoutingPolicy(new RoutingOptions()).LeadOf(complaint.Team!);

    public Task SettleAsync() => Flow.Runtime.WaitForIdleAsync(_ct);

    public Task<Complaint> ComplaintAsync(string id) => Flow.GetAsync(id, _ct);

    /// <summary>The assigned agent clicks a decision link issued for the current tier and round.</summary>
    public async Task DecideAsync(string id, AgentDecisionKind kind, string? text = null, Compensation compensation = Compensation.None, int? generation = null)
    {
        var complaint = await ComplaintAsync(id);
        await RaiseAsync(id, WorkflowNames.Events.AgentDecision, new AgentDecision(kind, complaint.AssignedAgent!, generation ?? LinkGeneration.ForAssignment(complaint), text, compensation));
    }

    /// <summary>The customer answers the outcome email of the current round.</summary>
    public async Task ConfirmAsync(string id, bool satisfied, int? rating = null, string? comment = null)
    {
        var complaint = await ComplaintAsync(id);
        await RaiseAsync(id, WorkflowNames.Events.CustomerConfirmation, new CustomerConfirmation(satisfied, LinkGeneration.ForConfirmation(complaint.Round), rating, comment));
    }

    /// <summary>The customer answers a request for information.</summary>
    public async Task ProvideInformationAsync(string id, string information)
    {
        var complaint = await ComplaintAsync(id);
        await RaiseAsync(id, WorkflowNames.Events.CustomerInfoProvided, new CustomerInfoProvided(information, LinkGeneration.ForAssignment(complaint)));
    }

    public async Task RaiseAsync(string id, string eventName, object payload)
    {
        await Flow.Client.RaiseEventAsync(id, eventName, payload, _ct);
        await SettleAsync();
    }

    public async Task<OrchestrationMetadata> InstanceAsync(string id) =>
        await Flow.Client.GetInstanceAsync(id, getInputsAndOutputs: true, _ct) ?? throw new InvalidOperationException($"No instance {id}.");

    public async Task<IReadOnlyList<EmailMessage>> EmailsAsync(string id, EmailKind? kind = null) =>
        [.. (await Flow.Outbox.ListAsync(10_000, complaintId: id, ct: _ct)).Select(e => e.Message).Where(m => kind is null || m.Kind == kind).Reverse()];

    public ValueTask DisposeAsync() => Flow.DisposeAsync();
}
