using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Core.Workflow.Activities;
using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask.Client;
using Names = ComplaintFlow.Core.Workflow.WorkflowNames.Activities;

namespace ComplaintFlow.Local.Hosting;

/// <summary>Registers the complaint orchestration and its activities with the durable simulator, by their <see cref="WorkflowNames"/>.</summary>
public static class LocalWorkflow
{
    public static OrchestrationRegistry CreateRegistry(IServiceProvider services)
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<ComplaintWorkflowInput, ComplaintWorkflowResult>(WorkflowNames.ComplaintOrchestrator, ComplaintOrchestrator.RunAsync);
        Add<VerifyComplaint, StepInput, VerificationResult>(registry, services, Names.VerifyComplaint);
        Add<RejectComplaint, ReasonInput, bool>(registry, services, Names.RejectComplaint);
        Add<MergeComplaint, MergeInput, bool>(registry, services, Names.MergeComplaint);
        Add<ClassifyComplaint, StepInput, ClassificationOutcome>(registry, services, Names.ClassifyComplaint);
        Add<AssignAgent, AssignInput, AssignmentResult>(registry, services, Names.AssignAgent);
        Add<AcknowledgeCustomer, StepInput, bool>(registry, services, Names.AcknowledgeCustomer);
        Add<NotifyAgent, NotifyAgentInput, bool>(registry, services, Names.NotifyAgent);
        Add<SendReminder, ReminderInput, bool>(registry, services, Names.SendReminder);
        Add<EscalateComplaint, EscalationInput, EscalationResult>(registry, services, Names.EscalateComplaint);
        Add<RequestInformation, InformationRequestInput, InformationRequestResult>(registry, services, Names.RequestInformation);
        Add<RecordInformation, InformationInput, SlaSchedule?>(registry, services, Names.RecordInformation);
        Add<ProposeOutcome, OutcomeInput, ConfirmationWindow>(registry, services, Names.ProposeOutcome);
        Add<RecordVerdict, VerdictInput, VerdictResult>(registry, services, Names.RecordVerdict);
        Add<SendConfirmationReminder, StepInput, bool>(registry, services, Names.SendConfirmationReminder);
        Add<CloseComplaint, CloseInput, bool>(registry, services, Names.CloseComplaint);
        Add<AlertManager, ReasonInput, bool>(registry, services, Names.AlertManager);
        return registry;
    }

    /// <summary>
    /// Registers the durable simulator (over the registered <see cref="IDurableStore"/>, else a new one in memory, on the
    /// registered <see cref="TimeProvider"/>) running the complaint
    /// workflow, as the <see cref="DurableTaskClient"/> the intake and links use.
    /// </summary>
    public static IServiceCollection AddDurableSimulator(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DurableSimulator(
            CreateRegistry(sp),
            sp.GetService<IDurableStore>() ?? new InMemoryDurableStore(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DurableSimulator>());
        return services;
    }

    private static void Add<TActivity, TInput, TOutput>(OrchestrationRegistry registry, IServiceProvider services, string name)
        where TActivity : IActivity<TInput, TOutput>
    {
        var activity = services.GetRequiredService<TActivity>();
        registry.AddActivity<TInput, TOutput>(name, activity.RunAsync);
    }
}
