using System.Text.Json;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.DevServices;
using Microsoft.Extensions.Configuration;

namespace ComplaintFlow.Tests.Infra;

/// <summary>
/// The settings the Functions app is given are one list (<see cref="FunctionsSettings"/>): infra/ sets exactly its
/// Azure ones and local.settings.sample.json holds exactly its local ones.
/// </summary>
public sealed class FunctionsSettingsTests
{
    private static readonly string SamplePath = Path.Combine(NodeTools.FindRepositoryRoot(), "local.settings.sample.json");

    [Fact]
    public async Task Infra_sets_exactly_the_settings_the_app_reads_on_Azure()
    {
        var template = (await CompiledInfra.GetAsync()).Template;

        AssertSameSet(FunctionsSettings.OnAzure, InfraTests.AppSettings(template).Keys, "infra/app/function.bicep");
    }

    [Fact]
    public async Task The_local_sample_holds_exactly_the_settings_the_app_reads_locally()
    {
        var sample = await SampleValuesAsync();

        AssertSameSet(FunctionsSettings.Locally, sample.Keys, "local.settings.sample.json");
    }

    [Fact]
    public async Task The_local_sample_is_strict_JSON_that_Core_Tools_reads_as_it_is()
    {
        var text = await File.ReadAllTextAsync(SamplePath, TestContext.Current.CancellationToken);

        // JsonDocument refuses comments and trailing commas by default, as a plain JSON reader would.
        using var json = JsonDocument.Parse(text);
        Assert.False(json.RootElement.GetProperty("IsEncrypted").GetBoolean());
        Assert.All(json.RootElement.GetProperty("Values").EnumerateObject(), v => Assert.Equal(JsonValueKind.String, v.Value.ValueKind));
    }

    [Fact]
    public async Task The_local_sample_passes_the_app_s_own_validation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection((await SampleValuesAsync()).Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            .Build();

        Assert.Empty(Bind<StorageOptions>(configuration, StorageOptions.Section).Validate());
        Assert.Empty(Bind<WebhookOptions>(configuration, WebhookOptions.SectionName).Validate());
        Assert.Empty(Bind<LinksOptions>(configuration, LinksOptions.SectionName).Validate());
        Assert.Empty(Bind<EmailOptions>(configuration, EmailOptions.SectionName).Validate());
        Assert.Empty(Bind<WorkingHoursOptions>(configuration, WorkingHoursOptions.SectionName).Validate());
    }

    [Fact]
    public void Every_listed_name_is_an_environment_variable_name_listed_once()
    {
        Assert.All(FunctionsSettings.OnAzure.Concat(FunctionsSettings.Locally), name => Assert.DoesNotContain(':', name));
        Assert.Equal(FunctionsSettings.OnAzure.Count, FunctionsSettings.OnAzure.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(FunctionsSettings.Locally.Count, FunctionsSettings.Locally.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // On Flex Consumption the runtime is functionAppConfig's; setting it as an app setting is refused.
        Assert.DoesNotContain(FunctionsSettings.WorkerRuntime, FunctionsSettings.OnAzure);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", FunctionsSettings.OnAzure);
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    private static async Task<Dictionary<string, string>> SampleValuesAsync()
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(SamplePath, TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static void AssertSameSet(IEnumerable<string> expected, IEnumerable<string> actual, string where)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"{where} and FunctionsSettings differ. Missing from {where}: [{string.Join(", ", missing)}]; not in FunctionsSettings: [{string.Join(", ", extra)}].");
    }
}
