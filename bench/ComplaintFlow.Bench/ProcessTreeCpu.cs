using System.Diagnostics;
using System.Globalization;

namespace ComplaintFlow.Bench;

/// <summary>CPU time used so far by a process and every process under it (its children from Linux's <c>/proc</c>).</summary>
internal static class ProcessTreeCpu
{
    public static TimeSpan Of(int rootPid)
    {
        var total = TimeSpan.Zero;
        foreach (var pid in Tree(rootPid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                total += process.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }

        return total;
    }

    private static List<int> Tree(int rootPid)
    {
        var tree = new List<int> { rootPid };
        if (!OperatingSystem.IsLinux())
        {
            return tree;
        }

        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(dir) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>The fourth field of <c>/proc/{pid}/stat</c>, after the command name in parentheses (which may hold spaces).</summary>
    private static int? ParentOf(string procDir)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
