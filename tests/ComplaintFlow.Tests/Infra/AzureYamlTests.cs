using System.Text.RegularExpressions;
using ComplaintFlow.Local.DevServices;

namespace ComplaintFlow.Tests.Infra;

/// <summary>azure.yaml passes azd's rules (schemas/v1.0/azure.yaml.json in Azure/azure-dev) and points at the app.</summary>
public sealed partial class AzureYamlTests
{
    private static readonly string Root = NodeTools.FindRepositoryRoot();

    [Fact]
    public async Task The_project_name_follows_azd_s_pattern()
    {
        var yaml = await ReadAsync();

        var name = Assert.IsType<string>(yaml["name"]);
        Assert.True(name.Length >= 2, "azd wants a name of at least 2 characters.");
        Assert.Matches(AzdName(), name);
    }

    [Fact]
    public async Task One_dotnet_function_service_is_deployed_to_the_site_infra_tags_for_it()
    {
        var yaml = await ReadAsync();
        var compiled = await CompiledInfra.GetAsync();

        var services = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(yaml["services"]);
        var (serviceName, definition) = Assert.Single(services);
        var service = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(definition);
        Assert.Equal("function", service["host"]);
        Assert.Equal("dotnet", service["language"]);
        Assert.Equal(["host", "language", "project"], service.Keys.Order(StringComparer.Ordinal));

        // azd finds the site by its azd-service-name tag, which must be the service's key here.
        var (template, site) = compiled.Template.Single("Microsoft.Web/sites");
        Assert.Contains("'azd-service-name'", site.GetProperty("tags").GetString(), StringComparison.Ordinal);
        Assert.Equal(serviceName, template.Variables["serviceName"].GetString());
    }

    [Fact]
    public async Task The_service_project_is_the_Functions_app_inside_the_repository()
    {
        var project = await ProjectPathAsync();

        Assert.False(Path.IsPathRooted(project), "azd resolves the project relative to azure.yaml.");
        var full = Path.GetFullPath(Path.Combine(Root, project));
        Assert.StartsWith(Root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("functions", "ComplaintFlow.Functions"), Path.GetRelativePath(Root, full));
    }

    [Fact]
    public async Task The_service_project_holds_the_Functions_csproj()
    {
        var full = Path.GetFullPath(Path.Combine(Root, await ProjectPathAsync()));

        Assert.True(Directory.Exists(full), $"azure.yaml points at {full}, which does not exist.");
        Assert.True(File.Exists(Path.Combine(full, "ComplaintFlow.Functions.csproj")), "azd builds the .csproj in the service's project folder.");
    }

    [Theory]
    [InlineData("name: a\n\tservices:\n")]
    [InlineData("services:\n  - api\n")]
    [InlineData("services:\n   api:\n")]
    [InlineData("name: a\nname: b\n")]
    [InlineData("name: [a, b]\n")]
    [InlineData("name: &anchor a\n")]
    [InlineData("description: |\n  text\n")]
    public void The_reader_refuses_what_it_does_not_understand(string text)
    {
        Assert.Throws<FormatException>(() => AzureYaml.Parse(text));
    }

    [Fact]
    public void The_reader_reads_nesting_comments_and_quotes()
    {
        var yaml = AzureYaml.Parse("# top\nname: app # trailing\nservices:\n  api:\n    project: './x y'\n    host: \"function\"\nafter: 1\n");

        var api = (IReadOnlyDictionary<string, object>)((IReadOnlyDictionary<string, object>)yaml["services"])["api"];
        Assert.Equal("app", yaml["name"]);
        Assert.Equal("./x y", api["project"]);
        Assert.Equal("function", api["host"]);
        Assert.Equal("1", yaml["after"]);
    }

    private static async Task<IReadOnlyDictionary<string, object>> ReadAsync() =>
        AzureYaml.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "azure.yaml"), TestContext.Current.CancellationToken));

    private static async Task<string> ProjectPathAsync()
    {
        var services = (IReadOnlyDictionary<string, object>)(await ReadAsync())["services"];
        var service = (IReadOnlyDictionary<string, object>)services.Values.Single();
        return Assert.IsType<string>(service["project"]);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex AzdName();
}
