using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>One email as a scenario expects it: to whom, and which of the workflow's emails it is.</summary>
public sealed record Mail(Recipient To, EmailKind Kind)
{
    public override string ToString() => $"{Kind} to {To}";
}
