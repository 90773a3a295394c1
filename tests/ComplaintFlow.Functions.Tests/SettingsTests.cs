using ComplaintFlow.Core.Sla;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Functions.Tests;

/// <summary>
/// The settings infra/ gives the app (<see cref="FunctionsSettings.OnAzure"/>, held to the Bicep by the infra tests) are
/// the ones the app reads: with exactly them it starts in Production, each one binds to an option, and without any
/// one the app refuses to start, naming it.
/// </summary>
public sealed class SettingsTests
{
    // Values of the shape infra/ gives them (the secrets come from Key Vault references).
    private static readonly Dictionary<string, string> OnAzure = new(StringComparer.Ordinal)
    {
        [FunctionsSettings.StorageTableServiceUri] = "https://stcf.table.core.windows.net",
        [FunctionsSettings.StorageQueueServiceUri] = "https://stcf.queue.core.windows.net",
        [FunctionsSettings.StorageManagedIdentityClientId] = "00000000-0000-0000-0000-000000000001",
        [FunctionsSettings.WebhookSecret] = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        [FunctionsSettings.WebhookPreviousSecret] = "whsec_" + Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray()),
        [FunctionsSettings.LinksKey] = Convert.ToBase64String(Enumerable.Range(3, 32).Select(i => (byte)i).ToArray()),
        [FunctionsSettings.LinksPreviousKey] = Convert.ToBase64String(Enumerable.Range(4, 32).Select(i => (byte)i).ToArray()),
        [FunctionsSettings.LinksBaseUrl] = "https://func-cf.azurewebsites.net",
        [FunctionsSettings.OpsKey] = Convert.ToBase64String(Enumerable.Range(5, 32).Select(i => (byte)i).ToArray()),
        [FunctionsSettings.EmailTransport] = "Acs",
        [FunctionsSettings.EmailAcsEndpoint] = "https://acs-cf.communication.azure.com",
        [FunctionsSettings.EmailFrom] = "DoNotReply@00000000-0000-0000-0000-000000000002.azurecomm.net",
        [FunctionsSettings.EmailFromName] = "ComplaintFlow",
        [FunctionsSettings.WorkingHoursTimeZone] = "Asia/Shanghai",
    };

    // Read by the Functions host, the Application Insights SDK or DefaultAzureCredential, not by our options.
    private static readonly string[] NotOurs = ["AzureWebJobsStorage__", "APPLICATIONINSIGHTS_", FunctionsSettings.AzureClientId];

    [Fact]
    public void Every_azure_setting_is_either_one_the_app_binds_or_one_the_platform_reads()
    {
        var ours = FunctionsSettings.OnAzure.Where(s => !NotOurs.Any(s.StartsWith)).Order(StringComparer.Ordinal);

        Assert.Equal(OnAzure.Keys.Order(StringComparer.Ordinal), ours);
    }

    [Fact]
    public void With_exactly_the_azure_settings_the_app_starts_in_Production_and_each_binds_to_an_option()
    {
        using var services = Build(OnAzure);

        services.GetRequiredService<IStartupValidator>().Validate();
        var configuration = Configuration(OnAzure);
        Action<BinderOptions> strict = o => o.ErrorOnUnknownConfiguration = true;
        Assert.Equal(new Uri(OnAzure[FunctionsSettings.StorageTableServiceUri]), configuration.GetSection(StorageOptions.Section).Get<StorageOptions>(strict)!.TableServiceUri);
        Assert.Equal(2, configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>(strict)!.Secrets.Count);
        Assert.Equal(2, configuration.GetSection(LinksOptions.SectionName).Get<LinksOptions>(strict)!.Keys.Count);
        Assert.Equal(EmailTransport.Acs, configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>(strict)!.Transport);
        Assert.Equal("Asia/Shanghai", configuration.GetSection(WorkingHoursOptions.SectionName).Get<WorkingHoursOptions>(strict)!.TimeZone);
        Assert.Equal(OnAzure[FunctionsSettings.OpsKey], configuration.GetSection(OpsOptions.SectionName).Get<OpsOptions>(strict)!.Key);
    }

    [Fact]
    public void On_Azure_email_goes_through_Communication_Services()
    {
        using var services = Build(OnAzure);

        Assert.IsType<AcsEmailSender>(services.GetRequiredService<ComplaintFlow.Core.Notifications.IEmailSender>());
    }

    [Fact]
    public void With_no_client_id_configured_the_identity_is_the_one_AZURE_CLIENT_ID_names_as_infra_sets_it()
    {
        var before = Environment.GetEnvironmentVariable(FunctionsSettings.AzureClientId);
        Environment.SetEnvironmentVariable(FunctionsSettings.AzureClientId, "11111111-2222-3333-4444-555555555555");
        try
        {
            Assert.Equal("11111111-2222-3333-4444-555555555555", AppIdentity.Options(null).ManagedIdentityClientId);
            Assert.Equal("66666666-2222-3333-4444-555555555555", AppIdentity.Options("66666666-2222-3333-4444-555555555555").ManagedIdentityClientId);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FunctionsSettings.AzureClientId, before);
        }
    }

    [Theory]
    [InlineData(FunctionsSettings.WebhookSecret, "Webhook")]
    [InlineData(FunctionsSettings.LinksKey, "Links")]
    [InlineData(FunctionsSettings.StorageTableServiceUri, "Storage")]
    [InlineData(FunctionsSettings.EmailAcsEndpoint, "Acs")]
    public void Without_a_required_setting_the_app_refuses_to_start_naming_it(string setting, string named)
    {
        var settings = new Dictionary<string, string>(OnAzure, StringComparer.Ordinal);
        settings.Remove(setting);
        if (setting == FunctionsSettings.WebhookSecret)
        {
            settings.Remove(FunctionsSettings.WebhookPreviousSecret);
        }

        if (setting == FunctionsSettings.LinksKey)
        {
            settings.Remove(FunctionsSettings.LinksPreviousKey);
        }

        using var services = Build(settings);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_secrets_from_the_README_are_refused_on_Azure()
    {
        var settings = new Dictionary<string, string>(OnAzure, StringComparer.Ordinal) { [FunctionsSettings.WebhookSecret] = FunctionsApp.WebhookSecret };

        using var services = Build(settings);

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("development secret", refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string> settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
        .Build();

    private static ServiceProvider Build(Dictionary<string, string> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production, ApplicationName = "ComplaintFlow.Functions" });
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddComplaintFlowFunctions(Configuration(settings));
        return services.BuildServiceProvider();
    }
}
