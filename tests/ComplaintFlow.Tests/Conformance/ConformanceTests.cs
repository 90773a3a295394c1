using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Complaints;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Tests.Conformance;

/// <summary>
/// The same lifecycle scenarios on the simulator, on the Durable Task SDK's in-memory backend and on the local host's
/// Azure Storage engine on Azurite: each ends as its scenario says (outcome, timeline, emails), and the same on all
/// three. A difference is a bug in one of them.
/// </summary>
public sealed class ConformanceTests(ConformanceRuns runs) : IClassFixture<ConformanceRuns>
{
    public static TheoryData<string, Runtime> Plays()
    {
        var plays = new TheoryData<string, Runtime>();
        foreach (var scenario in Scenarios.All)
        {
            foreach (var runtime in Enum.GetValues<Runtime>())
            {
                plays.Add(scenario.Name, runtime);
            }
        }

        return plays;
    }

    public static TheoryData<string> ScenarioNames() => [.. Scenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Plays))]
    public async Task The_scenario_ends_as_written(string scenario, Runtime runtime)
    {
        var result = await runs.ResultAsync(runtime, scenario);
        Report(runtime, result);

        var expected = Scenarios.Named(scenario).Expected;
        Assert.Equal(Render(expected.Select(Expected)), Render(result.Complaints.Select(Observed)));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task The_scenario_ends_the_same_on_every_runtime(string scenario)
    {
        var simulator = Render((await runs.ResultAsync(Runtime.Simulator, scenario)).Complaints.Select(c => c.Summary()));

        Assert.Equal(simulator, Render((await runs.ResultAsync(Runtime.TestHost, scenario)).Complaints.Select(c => c.Summary())));
        Assert.Equal(simulator, Render((await runs.ResultAsync(Runtime.Azurite, scenario)).Complaints.Select(c => c.Summary())));
    }

    private static string Expected(ExpectedComplaint complaint) => Facts(
        complaint.Outcome == ComplaintOutcome.None ? OrchestrationRuntimeStatus.Running : OrchestrationRuntimeStatus.Completed,
        complaint.Outcome,
        complaint.Status,
        complaint.Outcome,
        complaint.Timeline,
        complaint.Emails);

    private static string Observed(ObservedComplaint complaint) =>
        Facts(complaint.Instance, complaint.WorkflowOutcome, complaint.Status, complaint.Outcome, complaint.Timeline, complaint.Emails);

    private static string Facts(OrchestrationRuntimeStatus instance, ComplaintOutcome workflowOutcome, ComplaintStatus status, ComplaintOutcome outcome, IEnumerable<TimelineEventKind> timeline, IEnumerable<Mail> emails) =>
        $"instance {instance}, workflow outcome {workflowOutcome}\nrecord {status}, outcome {outcome}\ntimeline: {string.Join(", ", timeline)}\nemails: {string.Join(", ", emails)}\n";

    private static string Render(IEnumerable<string> complaints) =>
        string.Concat(complaints.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"complaint {i + 1}:\n{c}")));

    private static void Report(Runtime runtime, ConformanceRuns.PlayResult result)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Played on {runtime}; finished {result.FinishedAfter.TotalSeconds:0.0} s after the plays began.");
        foreach (var complaint in result.Complaints)
        {
            report.Append(complaint.Details);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
    }
}
