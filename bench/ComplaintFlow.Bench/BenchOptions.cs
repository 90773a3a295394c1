using System.Globalization;

namespace ComplaintFlow.Bench;

/// <summary><c>--name value</c> pairs from the command line.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var options = new BenchOptions();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
            }
            else if (name is not null)
            {
                options._values[name] = arg;
                name = null;
            }
        }

        return options;
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
