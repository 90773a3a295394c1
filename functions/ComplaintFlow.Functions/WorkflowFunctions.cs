using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Core.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Names = ComplaintFlow.Core.Workflow.WorkflowNames.Activities;

namespace ComplaintFlow.Functions;

/// <summary>The complaint orchestration and its activities as Durable Functions: one line each, named from <see cref="WorkflowNames"/>.</summary>
public sealed class WorkflowFunctions(IServiceProvider services)
{
    [Function(WorkflowNames.ComplaintOrchestrator)]
    public static Task<ComplaintWorkflowResult> RunComplaint([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ComplaintOrchestrator().RunAsync(context, context.GetInput<ComplaintWorkflowInput>()!);

    [Function(Names.VerifyComplaint)]
    public Task<VerificationResult> Verify([ActivityTrigger] StepInput input, CancellationToken ct) => Run<VerifyComplaint, StepInput, VerificationResult>(input, ct);

    [Function(Names.RejectComplaint)]
    public Task<bool> Reject([ActivityTrigger] ReasonInput input, CancellationToken ct) => Run<RejectComplaint, ReasonInput, bool>(input, ct);

    [Function(Names.MergeComplaint)]
    public Task<bool> Merge([ActivityTrigger] MergeInput input, CancellationToken ct) => Run<MergeComplaint, MergeInput, bool>(input, ct);

    [Function(Names.ClassifyComplaint)]
    public Task<ClassificationOutcome> Classify([ActivityTrigger] StepInput input, CancellationToken ct) => Run<ClassifyComplaint, StepInput, ClassificationOutcome>(input, ct);

    [Function(Names.AssignAgent)]
    public Task<AssignmentResult> Assign([ActivityTrigger] AssignInput input, CancellationToken ct) => Run<AssignAgent, AssignInput, AssignmentResult>(input, ct);

    [Function(Names.AcknowledgeCustomer)]
    public Task<bool> Acknowledge([ActivityTrigger] StepInput input, CancellationToken ct) => Run<AcknowledgeCustomer, StepInput, bool>(input, ct);

    [Function(Names.NotifyAgent)]
    public Task<bool> Notify([ActivityTrigger] NotifyAgentInput input, CancellationToken ct) => Run<NotifyAgent, NotifyAgentInput, bool>(input, ct);

    [Function(Names.SendReminder)]
    public Task<bool> Remind([ActivityTrigger] ReminderInput input, CancellationToken ct) => Run<SendReminder, ReminderInput, bool>(input, ct);

    [Function(Names.EscalateComplaint)]
    public Task<EscalationResult> Escalate([ActivityTrigger] EscalationInput input, CancellationToken ct) => Run<EscalateComplaint, EscalationInput, EscalationResult>(input, ct);

    [Function(Names.RequestInformation)]
    public Task<InformationRequestResult> AskForInformation([ActivityTrigger] InformationRequestInput input, CancellationToken ct) =>
        Run<RequestInformation, InformationRequestInput, InformationRequestResult>(input, ct);

    [Function(Names.RecordInformation)]
    public Task<SlaSchedule?> SaveInformation([ActivityTrigger] InformationInput input, CancellationToken ct) => Run<RecordInformation, InformationInput, SlaSchedule?>(input, ct);

    [Function(Names.ProposeOutcome)]
    public Task<ConfirmationWindow> Propose([ActivityTrigger] OutcomeInput input, CancellationToken ct) => Run<ProposeOutcome, OutcomeInput, ConfirmationWindow>(input, ct);

    [Function(Names.RecordVerdict)]
    public Task<VerdictResult> SaveVerdict([ActivityTrigger] VerdictInput input, CancellationToken ct) => Run<RecordVerdict, VerdictInput, VerdictResult>(input, ct);

    [Function(Names.SendConfirmationReminder)]
    public Task<bool> RemindCustomer([ActivityTrigger] StepInput input, CancellationToken ct) => Run<SendConfirmationReminder, StepInput, bool>(input, ct);

    [Function(Names.CloseComplaint)]
    public Task<bool> Close([ActivityTrigger] CloseInput input, CancellationToken ct) => Run<CloseComplaint, CloseInput, bool>(input, ct);

    [Function(Names.AlertManager)]
    public Task<bool> Alert([ActivityTrigger] ReasonInput input, CancellationToken ct) => Run<AlertManager, ReasonInput, bool>(input, ct);

    [Function(Names.ReprioritizeComplaint)]
    public Task<SlaSchedule?> Reprioritize([ActivityTrigger] ReprioritizeInput input, CancellationToken ct) => Run<ReprioritizeComplaint, ReprioritizeInput, SlaSchedule?>(input, ct);

    private Task<TOutput> Run<TActivity, TInput, TOutput>(TInput input, CancellationToken ct)
        where TActivity : IActivity<TInput, TOutput> => services.GetRequiredService<TActivity>().RunAsync(input, ct);
}
