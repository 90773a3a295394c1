namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>Which SLA window a reminder or breach is about.</summary>
public enum SlaDeadlineKind
{
    FirstResponse,
    Resolution,
}
