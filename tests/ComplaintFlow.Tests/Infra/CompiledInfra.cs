using System.Text.Json;
using ComplaintFlow.Local.DevServices;

namespace ComplaintFlow.Tests.Infra;

/// <summary>infra/main.bicep built and linted once per test run (each bicep command takes seconds).</summary>
internal sealed class CompiledInfra
{
    private static readonly Lazy<Task<CompiledInfra>> Shared = new(CompileAsync);

    private CompiledInfra(BicepRun build, BicepRun lint, ArmTemplate template)
    {
        Build = build;
        Lint = lint;
        Template = template;
    }

    public static string InfraDirectory { get; } = Path.Combine(NodeTools.FindRepositoryRoot(), "infra");

    public BicepRun Build { get; }

    public BicepRun Lint { get; }

    public ArmTemplate Template { get; }

    public static Task<CompiledInfra> GetAsync()
    {
        Assert.SkipUnless(BicepCli.IsAvailableHere, "The Bicep CLI package the tests restore is the linux-x64 one.");
        return Shared.Value;
    }

    private static async Task<CompiledInfra> CompileAsync()
    {
        var output = Directory.CreateTempSubdirectory("complaintflow-bicep-");
        try
        {
            var build = await BicepCli.RunAsync(InfraDirectory, "build", "main.bicep", "--outdir", output.FullName);
            var lint = await BicepCli.RunAsync(InfraDirectory, "lint", "main.bicep");
            var compiled = Path.Combine(output.FullName, "main.json");
            if (!File.Exists(compiled))
            {
                throw new InvalidOperationException("bicep build wrote no main.json:\n" + build.Output);
            }

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(compiled));
            return new CompiledInfra(build, lint, ArmTemplate.Parse(json.RootElement.Clone()));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
