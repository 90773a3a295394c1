using Microsoft.DurableTask;

namespace ComplaintFlow.Tests.Simulator;

internal static class FailureDetailsText
{
    /// <summary>"Type: message" of a failure and its inner failures, for asserting on what a person reading it would see.</summary>
    public static string Describe(this TaskFailureDetails? details) =>
        details is null ? string.Empty : $"{details.ErrorType}: {details.ErrorMessage}" + (details.InnerFailure is { } inner ? " <- " + inner.Describe() : string.Empty);
}
