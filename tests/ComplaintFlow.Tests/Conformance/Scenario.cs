namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// One lifecycle scenario: what the people do and when (<see cref="Play"/>, run the same on every runtime), the windows
/// it runs with, and how each complaint it files must end.
/// </summary>
/// <param name="Name">A sentence naming the scenario (the test rows show it).</param>
/// <param name="Timing">The windows, the same on every runtime.</param>
/// <param name="Play">What the people do; every complaint it files is observed when it returns.</param>
/// <param name="Expected">How each filed complaint must end, in filing order.</param>
public sealed record Scenario(string Name, ScenarioTiming Timing, Func<ScenarioPlay, Task> Play, IReadOnlyList<ExpectedComplaint> Expected)
{
    public override string ToString() => Name;
}
