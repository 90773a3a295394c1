using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Core.Workflow.Activities;
using ComplaintFlow.Local.Engine;
using ComplaintFlow.Local.Simulator;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Names = ComplaintFlow.Core.Workflow.WorkflowNames.Activities;

namespace ComplaintFlow.Local.Hosting;

/// <summary>
/// The complaint orchestration and its activities, by their <see cref="WorkflowNames"/>, listed once and registered with
/// either runtime: the real engine's worker (<see cref="AddComplaintWorkflow"/>) or the simulator (<see cref="CreateRegistry"/>).
/// </summary>
public static class LocalWorkflow
{
    /// <summary>Registers the workflow with the Durable Task SDK's worker; each activity is resolved from the worker's services.</summary>
    public static DurableTaskRegistry AddComplaintWorkflow(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ComplaintOrchestrator>(WorkflowNames.ComplaintOrchestrator);
        Describe(new SdkTasks(registry));
        return registry;
    }

    /// <summary>The workflow for the durable simulator, its activities taken from <paramref name="services"/>.</summary>
    public static OrchestrationRegistry CreateRegistry(IServiceProvider services)
    {
        var registry = new OrchestrationRegistry()
            .AddOrchestrator<ComplaintWorkflowInput, ComplaintWorkflowResult>(WorkflowNames.ComplaintOrchestrator, new ComplaintOrchestrator().RunAsync);
        Describe(new SimulatorTasks(registry, services));
        return registry;
    }

    /// <summary>
    /// Registers the durable simulator (over the registered <see cref="IDurableStore"/>, else a new one in memory, on the
    /// registered <see cref="TimeProvider"/>) running the complaint workflow, as the <see cref="DurableTaskClient"/> the
    /// intake and links use.
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

    private static void Describe(ITaskList tasks)
    {
        tasks.Activity<VerifyComplaint, StepInput, VerificationResult>(Names.VerifyComplaint);
        tasks.Activity<RejectComplaint, ReasonInput, bool>(Names.RejectComplaint);
        tasks.Activity<MergeComplaint, MergeInput, bool>(Names.MergeComplaint);
        tasks.Activity<ClassifyComplaint, StepInput, ClassificationOutcome>(Names.ClassifyComplaint);
        tasks.Activity<AssignAgent, AssignInput, AssignmentResult>(Names.AssignAgent);
        tasks.Activity<AcknowledgeCustomer, StepInput, bool>(Names.AcknowledgeCustomer);
        tasks.Activity<NotifyAgent, NotifyAgentInput, bool>(Names.NotifyAgent);
        tasks.Activity<SendReminder, ReminderInput, bool>(Names.SendReminder);
        tasks.Activity<EscalateComplaint, EscalationInput, EscalationResult>(Names.EscalateComplaint);
        tasks.Activity<RequestInformation, InformationRequestInput, InformationRequestResult>(Names.RequestInformation);
        tasks.Activity<RecordInformation, InformationInput, SlaSchedule?>(Names.RecordInformation);
        tasks.Activity<ProposeOutcome, OutcomeInput, ConfirmationWindow>(Names.ProposeOutcome);
        tasks.Activity<RecordVerdict, VerdictInput, VerdictResult>(Names.RecordVerdict);
        tasks.Activity<SendConfirmationReminder, StepInput, bool>(Names.SendConfirmationReminder);
        tasks.Activity<CloseComplaint, CloseInput, bool>(Names.CloseComplaint);
        tasks.Activity<AlertManager, ReasonInput, bool>(Names.AlertManager);
        tasks.Activity<ReprioritizeComplaint, ReprioritizeInput, SlaSchedule?>(Names.ReprioritizeComplaint);
    }

    private interface ITaskList
    {
        void Activity<TActivity, TInput, TOutput>(string name)
            where TActivity : IActivity<TInput, TOutput>;
    }

    private sealed class SdkTasks(DurableTaskRegistry registry) : ITaskList
    {
        public void Activity<TActivity, TInput, TOutput>(string name)
            where TActivity : IActivity<TInput, TOutput> =>
            registry.AddActivity(name, sp => new ActivityTask<TInput, TOutput>(sp.GetRequiredService<TActivity>()));
    }

    private sealed class SimulatorTasks(OrchestrationRegistry registry, IServiceProvider services) : ITaskList
    {
        public void Activity<TActivity, TInput, TOutput>(string name)
            where TActivity : IActivity<TInput, TOutput> =>
            registry.AddActivity<TInput, TOutput>(name, services.GetRequiredService<TActivity>().RunAsync);
    }
}
