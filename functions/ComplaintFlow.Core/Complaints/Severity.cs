namespace ComplaintFlow.Core.Complaints;

/// <summary>How urgent a complaint is; ordered from least to most urgent so comparisons read naturally.</summary>
public enum Severity
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
