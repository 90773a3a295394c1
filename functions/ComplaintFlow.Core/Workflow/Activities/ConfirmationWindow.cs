namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>The result of <see cref="WorkflowNames.Activities.ProposeOutcome"/>: when to remind the customer, and when silence closes the complaint.</summary>
public sealed record ConfirmationWindow(DateTime ReminderAt, DateTime CloseAt);
