using System.Text.Json;

namespace ComplaintFlow.Tests.Infra;

/// <summary>
/// A compiled ARM template and the templates of its modules (nested deployments), enough to find resources and read
/// literal values. Expressions (<c>[...]</c>) are kept as the strings they are.
/// </summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(string name, JsonElement root)
    {
        Name = name;
        Root = root;
        Modules = ResourceElements(root)
            .Where(r => Type(r) == "Microsoft.Resources/deployments")
            .Select(r => new ArmTemplate(r.GetProperty("name").GetString()!, r.GetProperty("properties").GetProperty("template")))
            .ToList();
    }

    /// <summary>The deployment name of this module ("main" for the top level).</summary>
    public string Name { get; }

    public JsonElement Root { get; }

    public IReadOnlyList<ArmTemplate> Modules { get; }

    /// <summary>This template and every module below it.</summary>
    public IEnumerable<ArmTemplate> All => Modules.SelectMany(m => m.All).Prepend(this);

    /// <summary>
    /// This template's own resources (symbolic-name templates keep them in an object, classic ones in an array), without
    /// the <c>existing</c> references to resources declared elsewhere.
    /// </summary>
    public IEnumerable<JsonElement> Resources => ResourceElements(Root)
        .Where(r => !(r.TryGetProperty("existing", out var existing) && existing.GetBoolean()));

    public IReadOnlyDictionary<string, JsonElement> Outputs => Members(Root, "outputs");

    public IReadOnlyDictionary<string, JsonElement> Parameters => Members(Root, "parameters");

    public IReadOnlyDictionary<string, JsonElement> Variables => Members(Root, "variables");

    /// <summary>The names of the parameters that ARM treats as secret.</summary>
    public IEnumerable<string> SecureParameters => Parameters
        .Where(p => p.Value.GetProperty("type").GetString() is { } type && type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
        .Select(p => p.Key);

    public static ArmTemplate Parse(JsonElement root) => new("main", root);

    public static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    /// <summary>Every resource of <paramref name="type"/> in this template and its modules, with the template declaring it.</summary>
    public IEnumerable<(ArmTemplate Template, JsonElement Resource)> Find(string type) =>
        All.SelectMany(t => t.Resources.Where(r => Type(r) == type).Select(r => (t, r)));

    /// <summary>The one resource of <paramref name="type"/>, anywhere.</summary>
    public (ArmTemplate Template, JsonElement Resource) Single(string type)
    {
        var found = Find(type).ToList();
        Assert.True(found.Count == 1, $"Expected one {type}, found {found.Count}.");
        return found[0];
    }

    private static IEnumerable<JsonElement> ResourceElements(JsonElement root) =>
        !root.TryGetProperty("resources", out var resources) ? []
        : resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray()
        : resources.EnumerateObject().Select(p => p.Value);

    private static Dictionary<string, JsonElement> Members(JsonElement root, string section) =>
        root.TryGetProperty(section, out var members)
            ? members.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
}
