namespace ComplaintFlow.Core.Workflow;

/// <summary>Information the customer added after being asked, raised from the emailed "add information" page.</summary>
/// <param name="Information">What the customer wrote.</param>
/// <param name="Generation">The <see cref="LinkGeneration"/> the question was asked in; a stale answer is ignored.</param>
public sealed record CustomerInfoProvided(string Information, int Generation);
