namespace ComplaintFlow.Core.Intake;

/// <summary>How intake answered.</summary>
public enum IntakeOutcomeKind
{
    /// <summary>Accepted now (202), or a repeat delivery answered as the first one was.</summary>
    Accepted,

    /// <summary>The same delivery key came with a different body (422).</summary>
    KeyReusedWithOtherBody,

    /// <summary>The customer is restricted for abuse (429 with Retry-After).</summary>
    Restricted,
}
