using System.Text.RegularExpressions;

namespace ComplaintFlow.Tests.Infra;

/// <summary>
/// A strict reader for azure.yaml as this repository writes it: nested block mappings, plain or quoted scalar values,
/// two-space indentation, comments. It refuses everything else (sequences, flow style, anchors, block scalars, tabs,
/// duplicate keys) rather than guess, so a file it reads means what the tests think it means.
/// </summary>
internal static partial class AzureYaml
{
    /// <summary>Maps each key to a string or to a nested <see cref="IReadOnlyDictionary{TKey,TValue}"/>.</summary>
    public static IReadOnlyDictionary<string, object> Parse(string text)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        var open = new Stack<(int Indent, Dictionary<string, object> Map)>();
        open.Push((0, root));
        int? childIndent = null;
        var lineNumber = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                throw Refuse(lineNumber, "tabs");
            }

            var line = StripComment(raw).TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            if (childIndent is { } expected && indent > expected - 2 && indent != expected)
            {
                throw Refuse(lineNumber, "an indentation other than two more spaces than its parent");
            }

            childIndent = null;

            while (indent < open.Peek().Indent)
            {
                open.Pop();
            }

            if (indent != open.Peek().Indent)
            {
                throw Refuse(lineNumber, "an indentation that matches no open mapping");
            }

            var entry = Entry().Match(line.TrimStart(' '));
            if (!entry.Success)
            {
                throw Refuse(lineNumber, "anything but 'key: value' or 'key:'");
            }

            var key = entry.Groups["key"].Value;
            var map = open.Peek().Map;
            if (map.ContainsKey(key))
            {
                throw Refuse(lineNumber, $"the key '{key}' twice");
            }

            var value = entry.Groups["value"].Value.Trim();
            if (value.Length == 0)
            {
                var child = new Dictionary<string, object>(StringComparer.Ordinal);
                map[key] = child;
                open.Push((indent + 2, child));
                childIndent = indent + 2;
            }
            else
            {
                map[key] = Scalar(value, lineNumber);
            }
        }

        return root;
    }

    private static string Scalar(string value, int lineNumber)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"' && !value[1..^1].Contains('"', StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal))
        {
            return value[1..^1];
        }

        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if ("\"'[]{}&*!|>%@`-?,".Contains(value[0], StringComparison.Ordinal) || value.Contains(": ", StringComparison.Ordinal))
        {
            throw Refuse(lineNumber, $"the value '{value}' (only plain and simple quoted scalars are read)");
        }

        return value;
    }

    // A '#' starts a comment at the start of a line or after a space, outside quotes.
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static FormatException Refuse(int line, string what) => new($"azure.yaml line {line}: this reader does not accept {what}.");

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.\-]+):(?:\s(?<value>.*))?$")]
    private static partial Regex Entry();
}
