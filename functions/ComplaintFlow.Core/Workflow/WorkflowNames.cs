namespace ComplaintFlow.Core.Workflow;

/// <summary>
/// Every orchestration, activity and event name, once. The orchestrator, both runtimes' registrations, the HTTP
/// handlers and the Azure Functions bindings all use these constants.
/// </summary>
public static class WorkflowNames
{
    public const string ComplaintOrchestrator = nameof(ComplaintOrchestrator);

    public static class Activities
    {
        public const string VerifyComplaint = nameof(VerifyComplaint);
        public const string RejectComplaint = nameof(RejectComplaint);
        public const string MergeComplaint = nameof(MergeComplaint);
        public const string ClassifyComplaint = nameof(ClassifyComplaint);
        public const string AssignAgent = nameof(AssignAgent);
        public const string AcknowledgeCustomer = nameof(AcknowledgeCustomer);
        public const string NotifyAgent = nameof(NotifyAgent);
        public const string SendReminder = nameof(SendReminder);
        public const string EscalateComplaint = nameof(EscalateComplaint);
        public const string RequestInformation = nameof(RequestInformation);
        public const string RecordInformation = nameof(RecordInformation);
        public const string ProposeOutcome = nameof(ProposeOutcome);
        public const string RecordVerdict = nameof(RecordVerdict);
        public const string SendConfirmationReminder = nameof(SendConfirmationReminder);
        public const string CloseComplaint = nameof(CloseComplaint);
        public const string AlertManager = nameof(AlertManager);
        public const string ReprioritizeComplaint = nameof(ReprioritizeComplaint);
    }

    public static class Events
    {
        public const string AgentDecision = nameof(AgentDecision);
        public const string CustomerConfirmation = nameof(CustomerConfirmation);
        public const string CustomerInfoProvided = nameof(CustomerInfoProvided);
        public const string PriorityRaised = nameof(PriorityRaised);
    }
}
