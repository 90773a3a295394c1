namespace ComplaintFlow.Core.Complaints;

/// <summary>A round the customer turned down: what the agent proposed and how the customer answered it.</summary>
/// <param name="Round">The round's number, from 1.</param>
/// <param name="Resolution">The outcome proposed in that round, with its compensation.</param>
/// <param name="Verdict">The customer's answer: not satisfied, with their rating and comment.</param>
public sealed record RoundOutcome(int Round, Resolution Resolution, CustomerVerdict Verdict);
