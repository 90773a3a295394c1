using ComplaintFlow.Core.Verification;

namespace ComplaintFlow.Core.Intake;

/// <summary>The result of <see cref="ComplaintIntake.AcceptAsync"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Receipt">For <see cref="IntakeOutcomeKind.Accepted"/>: the answer (the first one, for a repeat).</param>
/// <param name="IsRepeat">True when this delivery key was seen before, so nothing new was accepted.</param>
/// <param name="Restriction">For <see cref="IntakeOutcomeKind.Restricted"/>: the restriction in force.</param>
public sealed record IntakeOutcome(IntakeOutcomeKind Kind, IntakeReceipt? Receipt = null, bool IsRepeat = false, Restriction? Restriction = null);
