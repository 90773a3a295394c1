using System.Text.RegularExpressions;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Local.DevServices;
using Microsoft.DurableTask;

namespace ComplaintFlow.Tests.Architecture;

/// <summary>The layering the style guide asks for, checked on the sources themselves.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Root = NodeTools.FindRepositoryRoot();

    [Fact]
    public void The_domain_and_the_policies_use_nothing_of_the_Durable_Task_SDK()
    {
        var core = Path.Combine(Root, "functions", "ComplaintFlow.Core");
        var orchestration = new[] { Path.Combine(core, "Workflow"), Path.Combine(core, "Orchestration"), Path.Combine(core, "Intake", "DeliveryRecorder.cs") };
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !orchestration.Any(allowed => f.StartsWith(allowed, StringComparison.Ordinal)))
            .Where(f => DurableTaskUsing().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Domain files using the Durable Task SDK: " + string.Join(", ", offenders));
    }

    [Fact]
    public void No_file_declares_a_home_made_copy_of_the_Durable_Task_SDK_port()
    {
        string[] mirrors = ["IOrchestrationContext", "IOrchestrationClient", "ActivityOptions", "ActivityRetryPolicy", "OrchestrationState", "ActivityFailedException"];
        var offenders = Directory.EnumerateFiles(Path.Combine(Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "bench"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => mirrors.Any(m => Regex.IsMatch(File.ReadAllText(f), $@"\b(class|interface|record|enum)\s+{m}\b")))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_orchestrator_is_an_SDK_orchestrator_so_the_analyzers_check_it()
    {
        // DURABLE0001-0003 only look at code reachable from a TaskOrchestrator<,> (or a function trigger).
        Assert.True(typeof(TaskOrchestrator<ComplaintWorkflowInput, ComplaintWorkflowResult>).IsAssignableFrom(typeof(ComplaintOrchestrator)));
        var core = File.ReadAllText(Path.Combine(Root, "functions", "ComplaintFlow.Core", "ComplaintFlow.Core.csproj"));
        Assert.Contains("Microsoft.DurableTask.Analyzers", core, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*using\s+(Microsoft\.DurableTask|DurableTask\.Core)", RegexOptions.Multiline)]
    private static partial Regex DurableTaskUsing();
}
