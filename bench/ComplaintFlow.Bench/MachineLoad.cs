namespace ComplaintFlow.Bench;

/// <summary>The machine's load averages, printed with the figures: the benchmark shares its cores with whatever else runs.</summary>
internal static class MachineLoad
{
    public static string Describe() =>
        File.Exists("/proc/loadavg")
            ? $"load average (1, 5, 15 min) at the end: {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores"
            : $"{Environment.ProcessorCount} cores";
}
