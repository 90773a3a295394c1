using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Core.Workflow.Activities;
using Microsoft.DurableTask;
using Names = ComplaintFlow.Core.Workflow.WorkflowNames.Activities;

namespace ComplaintFlow.Core.Workflow;

/// <summary>
/// One complaint's lifecycle, as plain sequential code over <see cref="TaskOrchestrationContext"/>:
/// verify → classify → assign → acknowledge → wait for the agent (reminders and escalation on the SLA timers)
/// → the customer confirms, or a new round starts (as a fresh generation, so history stays bounded) → close.
/// Everything that touches the world is an activity; this class only decides what happens next. It is replayed,
/// so it reads time only from the context, takes ids only from <see cref="TaskOrchestrationContext.NewGuid"/>, and
/// awaits only context tasks.
/// </summary>
public sealed class ComplaintOrchestrator : TaskOrchestrator<ComplaintWorkflowInput, ComplaintWorkflowResult>
{
    /// <summary>
    /// How many times the customer may be asked for information at verification before the complaint goes ahead anyway: a
    /// bound on the loop; the verification policy asks at most <c>Verification:MaxQuestions</c> times, which is no more.
    /// </summary>
    private const int MaxQuestionsAtVerification = VerificationOptions.MostQuestions;

    /// <summary>Every activity touches storage or email: 5 tries, 2 s apart at first, doubling, at most 1 minute apart.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>
    /// A <see cref="TaskOrchestrator{TInput, TOutput}"/>, so the SDK's analyzers see this as orchestration code and
    /// refuse the machine clock, new GUIDs and <c>Task.Delay</c> here and in the methods it calls.
    /// </summary>
    public override async Task<ComplaintWorkflowResult> RunAsync(TaskOrchestrationContext context, ComplaintWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = new Run(context, input.ComplaintId, input.Round);

        if (input.Round == 1)
        {
            var intake = await run.VerifyAsync();
            if (intake is not null)
            {
                return intake;
            }

            await run.Call<ClassificationOutcome>(Names.ClassifyComplaint, new StepInput(run.Id, run.Step()));
        }

        var assignment = await run.Call<AssignmentResult>(Names.AssignAgent, new AssignInput(run.Id, run.Step()));
        run.Tier = assignment.Tier;
        if (input.Round == 1)
        {
            await run.Call(Names.AcknowledgeCustomer, new StepInput(run.Id, run.Step()));
        }

        await run.Call(Names.NotifyAgent, new NotifyAgentInput(run.Id, run.Step(), input.Round == 1 ? "New complaint assigned to you." : $"The customer was not satisfied; round {input.Round} is yours."));

        var decided = await run.WaitForAgentAsync(assignment.Schedule);
        if (decided is null)
        {
            return run.Finish(ComplaintOutcome.Abandoned);
        }

        return await run.WaitForCustomerAsync(decided);
    }

    /// <summary>The state of one generation of the orchestration.</summary>
    private sealed class Run(TaskOrchestrationContext context, string id, int round)
    {
        public string Id { get; } = id;

        public int Tier { get; set; } = 1;

        private int Round { get; } = round;

        private int AssignmentGeneration => LinkGeneration.ForAssignment(Round, Tier);

        private DateTime Now => context.CurrentUtcDateTime;

        public string Step() => context.NewGuid().ToString("N");

        public Task Call(string activity, object input) => context.CallActivityAsync(activity, input, options: Retry);

        public Task<T> Call<T>(string activity, object input) => context.CallActivityAsync<T>(activity, input, options: Retry);

        /// <summary>Verification, with questions to the customer; returns a result when the complaint ends here.</summary>
        public async Task<ComplaintWorkflowResult?> VerifyAsync()
        {
            for (var asked = 0; ; asked++)
            {
                Status(WorkflowStage.Verifying);
                var verification = await Call<VerificationResult>(Names.VerifyComplaint, new StepInput(Id, Step()));
                switch (verification.Decision)
                {
                    case VerificationDecision.Reject:
                        await Call(Names.RejectComplaint, new ReasonInput(Id, Step(), verification.Reason ?? "Rejected at verification."));
                        return Finish(ComplaintOutcome.RejectedAtIntake);
                    case VerificationDecision.MergeIntoOriginal:
                        var original = verification.OriginalComplaintId!;
                        if (await Call<bool>(Names.MergeComplaint, new MergeInput(Id, Step(), original)))
                        {
                            // The original's priority went up: its workflow recomputes its deadlines.
                            context.SendEvent(original, WorkflowNames.Events.PriorityRaised, new PriorityRaised(Id));
                        }

                        return Finish(ComplaintOutcome.Merged);
                    case VerificationDecision.AskForInformation when asked < MaxQuestionsAtVerification:
                        var answered = await AskCustomerAsync(verification.Question ?? "Please tell us more.", Complaint.SystemActor, paused: null);
                        if (answered is null)
                        {
                            return Finish(ComplaintOutcome.Abandoned);
                        }

                        continue;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// Waits for the agent's resolve or reject decision while the SLA timers run: reminders before each deadline,
        /// escalation at each breach, the timers set again when a repeat complaint raised the priority. Returns the
        /// decision, or null when the customer never answered a question.
        /// </summary>
        public async Task<AgentDecision?> WaitForAgentAsync(SlaSchedule schedule)
        {
            var decision = context.WaitForExternalEvent<AgentDecision>(WorkflowNames.Events.AgentDecision);
            var raised = context.WaitForExternalEvent<PriorityRaised>(WorkflowNames.Events.PriorityRaised);
            var checkpoints = Checkpoints(schedule);

            // Bounded by people, not by time: a turn consumes an SLA checkpoint (at most six per schedule), an event from a
            // single-use link someone clicked, or the event of a repeat complaint the customer sent; the history a round can gather is as long as its emails, and each new round
            // starts a fresh generation (ContinueAsNew in WaitForCustomerAsync).
#pragma warning disable DURABLE0011
            while (true)
#pragma warning restore DURABLE0011
            {
                Status(WorkflowStage.WaitingForAgent, schedule);
                var next = checkpoints.Count > 0 ? checkpoints.Dequeue() : null;
                var woken = Task.WhenAny(decision, raised);
                if (next is not null && !await context.WhenCompletedBefore(woken, next.At))
                {
                    await OnCheckpointAsync(next, schedule);
                    continue;
                }

                if (next is not null)
                {
                    checkpoints = Requeue(next, checkpoints);
                }

                await woken;
                if (raised.IsCompleted)
                {
                    raised = context.WaitForExternalEvent<PriorityRaised>(WorkflowNames.Events.PriorityRaised);
                    if (await Call<SlaSchedule?>(Names.ReprioritizeComplaint, new ReprioritizeInput(Id, Step(), schedule)) is { } rescheduled)
                    {
                        schedule = rescheduled;
                        checkpoints = Checkpoints(schedule); // only what lies ahead: the new schedule starts now
                    }

                    continue;
                }

                var made = await decision;
                decision = context.WaitForExternalEvent<AgentDecision>(WorkflowNames.Events.AgentDecision);
                if (made.Generation != AssignmentGeneration)
                {
                    continue; // a link from an earlier tier or round: its page already said so; nothing changes
                }

                switch (made.Kind)
                {
                    case AgentDecisionKind.Resolve or AgentDecisionKind.Reject:
                        return made;
                    case AgentDecisionKind.Escalate:
                        var escalated = await Call<EscalationResult>(Names.EscalateComplaint, new EscalationInput(Id, Step(), made.Text ?? "Escalated by the agent.", Breached: null));
                        Tier = escalated.Tier;
                        break;
                    case AgentDecisionKind.Reassign:
                        var reassigned = await Call<AssignmentResult>(Names.AssignAgent, new AssignInput(Id, Step(), Reassign: true));
                        Tier = reassigned.Tier;
                        await Call(Names.NotifyAgent, new NotifyAgentInput(Id, Step(), $"Reassigned to you by {made.AgentId}."));
                        break;
                    case AgentDecisionKind.RequestInfo:
                        var resumed = await AskCustomerAsync(made.Text ?? "Please tell us more.", made.AgentId, schedule with { FirstResponseDone = true });
                        if (resumed is null)
                        {
                            return null;
                        }

                        schedule = resumed;
                        checkpoints = Checkpoints(schedule);
                        await Call(Names.NotifyAgent, new NotifyAgentInput(Id, Step(), "The customer added the information you asked for."));
                        break;
                }
            }
        }

        /// <summary>Sends the outcome to the customer and waits for the verdict; a dissatisfied customer starts the next round.</summary>
        public async Task<ComplaintWorkflowResult> WaitForCustomerAsync(AgentDecision decided)
        {
            var window = await Call<ConfirmationWindow>(Names.ProposeOutcome, new OutcomeInput(Id, Step(), decided));
            var confirmation = context.WaitForExternalEvent<CustomerConfirmation>(WorkflowNames.Events.CustomerConfirmation);
            var reminded = false;
            while (true)
            {
                Status(WorkflowStage.WaitingForCustomerConfirmation, waitingUntil: window.CloseAt);
                if (!reminded && !await context.WhenCompletedBefore(confirmation, window.ReminderAt))
                {
                    reminded = true;
                    await Call(Names.SendConfirmationReminder, new StepInput(Id, Step()));
                    continue;
                }

                if (!await context.WhenCompletedBefore(confirmation, window.CloseAt))
                {
                    await Call(Names.CloseComplaint, new CloseInput(Id, Step(), ClosingReason.Unconfirmed));
                    return Finish(decided.Kind == AgentDecisionKind.Reject ? ComplaintOutcome.Unfounded : ComplaintOutcome.ResolvedUnconfirmed);
                }

                var answer = await confirmation;
                confirmation = context.WaitForExternalEvent<CustomerConfirmation>(WorkflowNames.Events.CustomerConfirmation);
                if (answer.Generation != LinkGeneration.ForConfirmation(Round))
                {
                    continue;
                }

                var verdict = await Call<VerdictResult>(Names.RecordVerdict, new VerdictInput(Id, Step(), answer));
                if (verdict.Closed)
                {
                    await Call(Names.CloseComplaint, new CloseInput(Id, Step(), ClosingReason.Confirmed));
                    return Finish(decided.Kind == AgentDecisionKind.Reject ? ComplaintOutcome.Unfounded : ComplaintOutcome.Resolved);
                }

                if (verdict.ManagerMustBeAlerted)
                {
                    await Call(Names.AlertManager, new ReasonInput(Id, Step(), string.Create(CultureInfo.InvariantCulture, $"The customer was not satisfied again; round {verdict.Round} starts.")));
                }

                // A fresh generation per round keeps the history short however often the complaint is reopened.
                context.ContinueAsNew(new ComplaintWorkflowInput(Id, verdict.Round), preserveUnprocessedEvents: true);
                return new ComplaintWorkflowResult(Id, ComplaintOutcome.None, verdict.Round);
            }
        }

        public ComplaintWorkflowResult Finish(ComplaintOutcome outcome)
        {
            Status(WorkflowStage.Closed);
            return new ComplaintWorkflowResult(Id, outcome, Round);
        }

        /// <summary>Asks the customer and waits; returns the resumed schedule (or the paused one at verification), or null after closing it as abandoned.</summary>
        private async Task<SlaSchedule?> AskCustomerAsync(string question, string actor, SlaSchedule? paused)
        {
            var pausedAt = Now;
            var request = await Call<InformationRequestResult>(Names.RequestInformation, new InformationRequestInput(Id, Step(), question, actor));
            var answer = context.WaitForExternalEvent<CustomerInfoProvided>(WorkflowNames.Events.CustomerInfoProvided);

            // Bounded: a turn ends at the abandon deadline or consumes a single-use information link's event.
#pragma warning disable DURABLE0011
            while (true)
#pragma warning restore DURABLE0011
            {
                Status(WorkflowStage.WaitingForCustomerInformation, waitingUntil: request.AbandonAt);
                if (!await context.WhenCompletedBefore(answer, request.AbandonAt))
                {
                    await Call(Names.CloseComplaint, new CloseInput(Id, Step(), ClosingReason.Abandoned));
                    return null;
                }

                var provided = await answer;
                if (provided.Generation == request.Generation)
                {
                    var resumed = await Call<SlaSchedule?>(Names.RecordInformation, new InformationInput(Id, Step(), provided.Information, pausedAt, paused));
                    return resumed ?? paused ?? new SlaSchedule(Now, [], Now, []);
                }

                answer = context.WaitForExternalEvent<CustomerInfoProvided>(WorkflowNames.Events.CustomerInfoProvided);
            }
        }

        private async Task OnCheckpointAsync(Checkpoint checkpoint, SlaSchedule schedule)
        {
            if (!checkpoint.IsBreach)
            {
                var due = checkpoint.Deadline == SlaDeadlineKind.FirstResponse ? schedule.FirstResponseDue : schedule.ResolutionDue;
                await Call(Names.SendReminder, new ReminderInput(Id, Step(), checkpoint.Deadline, due));
                return;
            }

            var what = checkpoint.Deadline == SlaDeadlineKind.FirstResponse ? "first response" : "resolution";
            var escalated = await Call<EscalationResult>(Names.EscalateComplaint, new EscalationInput(Id, Step(), $"SLA breach: no {what} in time.", checkpoint.Deadline));
            Tier = escalated.Tier;
        }

        /// <summary>
        /// Every reminder and breach of the schedule, in time order, those already due included: the workflow may reach
        /// its wait after a reminder fell due (a slow engine, an activity retried), and that reminder then goes out at once,
        /// saying how much of the window has passed, as a timer set earlier fires late after an outage; it is never
        /// skipped. (A schedule resumed after a question to the customer holds no reminder before its resumption.)
        /// </summary>
        private static Queue<Checkpoint> Checkpoints(SlaSchedule schedule)
        {
            var points = new List<Checkpoint>();
            if (!schedule.FirstResponseDone)
            {
                points.AddRange(schedule.FirstResponseReminders.Select(at => new Checkpoint(at, SlaDeadlineKind.FirstResponse, IsBreach: false)));
                points.Add(new Checkpoint(schedule.FirstResponseDue, SlaDeadlineKind.FirstResponse, IsBreach: true));
            }

            points.AddRange(schedule.ResolutionReminders.Select(at => new Checkpoint(at, SlaDeadlineKind.Resolution, IsBreach: false)));
            points.Add(new Checkpoint(schedule.ResolutionDue, SlaDeadlineKind.Resolution, IsBreach: true));
            return new Queue<Checkpoint>(points.OrderBy(p => p.At).ThenBy(p => p.IsBreach));
        }

        private static Queue<Checkpoint> Requeue(Checkpoint first, Queue<Checkpoint> rest)
        {
            var queue = new Queue<Checkpoint>();
            queue.Enqueue(first);
            foreach (var point in rest)
            {
                queue.Enqueue(point);
            }

            return queue;
        }

        private void Status(WorkflowStage stage, SlaSchedule? schedule = null, DateTime? waitingUntil = null) =>
            context.SetCustomStatus(new ComplaintWorkflowStatus(stage, Round, Tier, schedule?.FirstResponseDue, schedule?.ResolutionDue, waitingUntil));

        private sealed record Checkpoint(DateTime At, SlaDeadlineKind Deadline, bool IsBreach);
    }
}
