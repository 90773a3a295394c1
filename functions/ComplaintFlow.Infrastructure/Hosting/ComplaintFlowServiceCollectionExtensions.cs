using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Links;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Core.Workflow.Activities;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Queues;
using ComplaintFlow.Infrastructure.Storage;
using ComplaintFlow.Infrastructure.Verification;
using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>
/// Registers everything both hosts share: validated options, storage, email, links, webhook verification, the
/// policies, the activities and the HTTP endpoints. The host adds the Durable Task SDK's <c>DurableTaskClient</c> (the
/// local engine's gRPC client, the simulator's, or Durable Functions') and nothing else; <c>Email:Transport</c> picks the
/// email sender for both hosts (the ACS one authenticates as a registered <see cref="TokenCredential"/> if the host
/// adds one, otherwise as <see cref="DefaultAzureCredential"/>).
/// </summary>
public static class ComplaintFlowServiceCollectionExtensions
{
    public static IServiceCollection AddComplaintFlow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate());
        services.AddValidatedOptions<WebhookOptions>(configuration, WebhookOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<LinksOptions>(configuration, LinksOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<SlaOptions>(configuration, SlaOptions.SectionName, o => o.Validate(), ClearListsThatConfigurationReplaces(configuration.GetSection(SlaOptions.SectionName)));
        services.AddValidatedOptions<WorkingHoursOptions>(configuration, WorkingHoursOptions.SectionName, o => o.Validate(), ClearListsThatConfigurationReplaces(configuration.GetSection(WorkingHoursOptions.SectionName)));
        services.AddValidatedOptions<RoutingOptions>(configuration, RoutingOptions.SectionName, o => o.Validate());
        services.PostConfigure<RoutingOptions>(o =>
        {
            // Teams is a top-level list; when configured it replaces the demo teams rather than adding to them.
            var teams = configuration.GetSection(RoutingOptions.TeamsSection);
            if (teams.Exists())
            {
                o.Teams = teams.Get<List<TeamOptions>>() ?? [];
            }
        });
        services.AddValidatedOptions<VerificationOptions>(configuration, "Verification", o => o.Validate());
        services.AddValidatedOptions<IntakeQueueOptions>(configuration, IntakeQueueOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<RecordingOptions>(configuration, RecordingOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<PrivacyOptions>(configuration, PrivacyOptions.SectionName, o => o.Validate());
        services.AddOptions<ClassificationOptions>().Configure(o => configuration.GetSection(ClassificationOptions.SectionName).Bind(o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClassificationOptions>, ClassificationOptionsValidator>();
        services.AddOptions<List<AgentOptions>>().Configure(roster => configuration.GetSection(AgentOptions.Section).Bind(roster)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<List<AgentOptions>>, RosterValidator>();
        services.AddSingleton<IValidateOptions<WebhookOptions>, DevelopmentSecretsValidator>();
        services.AddSingleton<IValidateOptions<LinksOptions>, DevelopmentSecretsValidator>();

        // Storage
        services.AddSingleton(sp => new StorageClientFactory(Value<StorageOptions>(sp)));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateTableServiceClient());
        // No SDK message encoding: intake accepts plain and base64 messages and decodes them itself.
        services.AddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateQueueServiceClient());
        services.AddSingleton(sp => new StorageTables(sp.GetRequiredService<StorageClientFactory>().TableNames));
        services.AddSingleton<IComplaintStore>(sp => new TableComplaintStore(sp.GetRequiredService<TableServiceClient>(), Tables(sp).Core));
        services.AddSingleton<IDeliveryLedger>(sp => new TableDeliveryLedger(sp.GetRequiredService<TableServiceClient>(), Tables(sp).Core));
        services.AddSingleton<IStatisticsStore>(sp => new TableStatisticsStore(sp.GetRequiredService<TableServiceClient>(), Tables(sp).Statistics));
        services.AddSingleton<IAgentDirectory>(sp => new TableAgentDirectory(sp.GetRequiredService<TableServiceClient>(), Tables(sp).Core));
        services.AddSingleton<IComplaintIndex>(sp => new TableComplaintIndex(sp.GetRequiredService<TableServiceClient>().GetTableClient(Tables(sp).Index)));
        services.AddSingleton(sp => new TableRestrictionStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(Tables(sp).Restrictions)));
        services.AddSingleton<IRestrictionStore>(sp => new CachedRestrictionStore(sp.GetRequiredService<TableRestrictionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IActionLedger>(sp => new TableActionLedger(sp.GetRequiredService<TableServiceClient>(), Tables(sp).Actions));
        services.AddSingleton<StorageInitializer>();

        // Personal data kept beside the complaint records, erased with them (CustomerErasure).
        services.AddSingleton<IErasureLog>(sp => new TableErasureLog(sp.GetRequiredService<TableServiceClient>().GetTableClient(Tables(sp).Erasures)));
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<TableOutbox>());
        services.AddSingleton<IPersonalDataHolder>(sp => (TableComplaintIndex)sp.GetRequiredService<IComplaintIndex>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<TableRestrictionStore>());
        services.AddSingleton<IPersonalDataHolder>(sp => (TableActionLedger)sp.GetRequiredService<IActionLedger>());
        services.AddSingleton<CustomerErasure>();

        // Email
        services.AddSingleton(sp => new TableOutbox(sp.GetRequiredService<TableServiceClient>(), Tables(sp).Outbox, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TableOutbox>>()));
        services.AddSingleton<IOutboxReader>(sp => sp.GetRequiredService<TableOutbox>());
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton(sp => new AcsEmailSender(
            sp.GetRequiredService<IOptions<EmailOptions>>(),
            sp.GetService<TokenCredential>() ?? AppIdentity.Credential(Value<EmailOptions>(sp).Acs.ManagedIdentityClientId),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AcsEmailSender>>()));
        services.TryAddSingleton<IEmailSender>(sp => Value<EmailOptions>(sp).Transport switch
        {
            EmailTransport.Outbox => sp.GetRequiredService<TableOutbox>(),
            EmailTransport.Smtp => sp.GetRequiredService<SmtpEmailSender>(),
            EmailTransport.Acs => sp.GetRequiredService<AcsEmailSender>(),
            var other => throw new InvalidOperationException($"Email:Transport '{other}' is not one of Outbox, Smtp, Acs."),
        });

        // Links and webhooks
        services.AddSingleton(sp => new ActionTokenService(Value<LinksOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IActionLinks, ActionLinks>();
        services.AddSingleton(sp => new WebhookVerifier(Value<WebhookOptions>(sp), sp.GetRequiredService<TimeProvider>()));

        // Policies
        services.AddSingleton(sp => new Classifier(sp.GetRequiredService<IOptions<ClassificationOptions>>().Value));
        services.AddSingleton(sp => new BusinessCalendar(Value<WorkingHoursOptions>(sp)));
        services.AddSingleton(sp => new SlaPolicy(Value<SlaOptions>(sp), sp.GetRequiredService<BusinessCalendar>()));
        services.AddSingleton(sp => new RoutingPolicy(Value<RoutingOptions>(sp)));
        services.AddSingleton(sp => new VerificationPolicy(Value<VerificationOptions>(sp)));
        services.AddSingleton(Value<SlaOptions>);
        services.AddSingleton(Value<WorkingHoursOptions>);
        services.AddSingleton(Value<VerificationOptions>);
        services.AddSingleton(Value<IntakeQueueOptions>);
        services.AddSingleton(Value<RecordingOptions>);
        services.AddSingleton(Value<PrivacyOptions>);

        // Workflow steps
        services.AddSingleton<ComplaintStatistics>();
        services.AddSingleton<ComplaintUpdater>();
        services.AddSingleton<ComplaintMailer>();
        services.AddSingleton<VerifyComplaint>();
        services.AddSingleton<RejectComplaint>();
        services.AddSingleton<MergeComplaint>();
        services.AddSingleton<ClassifyComplaint>();
        services.AddSingleton<AssignAgent>();
        services.AddSingleton<AcknowledgeCustomer>();
        services.AddSingleton<NotifyAgent>();
        services.AddSingleton<SendReminder>();
        services.AddSingleton<EscalateComplaint>();
        services.AddSingleton<RequestInformation>();
        services.AddSingleton<RecordInformation>();
        services.AddSingleton<ProposeOutcome>();
        services.AddSingleton<RecordVerdict>();
        services.AddSingleton<SendConfirmationReminder>();
        services.AddSingleton<CloseComplaint>();
        services.AddSingleton<AlertManager>();
        services.AddSingleton<ReprioritizeComplaint>();

        // Intake and HTTP: JSON as the contract says (camelCase, enums as strings, Chinese readable).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddSingleton<ComplaintIntake>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<ComplaintLookup>();

        // Recording behind the answer; the host runs the pump as a hosted service once storage is ready.
        services.AddSingleton<DeliverySweep>();
        services.AddSingleton<DeliveryPump>();
        services.AddSingleton<IDeliveryHandoff>(sp => sp.GetRequiredService<DeliveryPump>());
        services.AddSingleton(sp => new TablePoisonArchive(sp.GetRequiredService<TableServiceClient>().GetTableClient(Tables(sp).Poison)));
        services.AddSingleton<QueueIntakeProcessor>();
        services.AddSingleton<IntakeEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<ActionEndpoint>();
        services.AddSingleton<ComplaintsEndpoint>();
        services.AddSingleton<RestrictionsEndpoint>();
        services.AddSingleton<StatisticsEndpoint>();
        services.AddSingleton<CustomersEndpoint>();
        services.AddOpsPages(configuration);
        return services;
    }

    private static StorageTables Tables(IServiceProvider services) => services.GetRequiredService<StorageTables>();

    private static T Value<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate, Action<T>? beforeBind = null)
        where T : class
    {
        services.AddOptions<T>()
            .Configure(options =>
            {
                beforeBind?.Invoke(options);
                configuration.GetSection(section).Bind(options);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new OptionsValidator<T>(validate));
    }

    // Binding adds configured list items to the defaults; a configured list should replace them instead.
    private static Action<object> ClearListsThatConfigurationReplaces(IConfigurationSection section) => options =>
    {
        switch (options)
        {
            case SlaOptions sla when section.GetSection(nameof(SlaOptions.ReminderFractions)).Exists():
                sla.ReminderFractions.Clear();
                break;
            case WorkingHoursOptions hours when section.GetSection(nameof(WorkingHoursOptions.Days)).Exists():
                hours.Days.Clear();
                break;
        }
    };

    /// <summary>The seeded roster must fit the routing: every team staffed, every lead and the manager present.</summary>
    private sealed class RosterValidator(IOptions<RoutingOptions> routing) : IValidateOptions<List<AgentOptions>>
    {
        public ValidateOptionsResult Validate(string? name, List<AgentOptions> options)
        {
            var errors = AgentOptions.ValidateRoster(options, routing.Value).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    /// <summary>Outside Development, the published development webhook secret and link key must not be used.</summary>
    private sealed class DevelopmentSecretsValidator(IHostEnvironment environment) : IValidateOptions<WebhookOptions>, IValidateOptions<LinksOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
            !environment.IsDevelopment() && options.Secrets.Any(WebhookOptions.IsDevelopmentSecret)
                ? ValidateOptionsResult.Fail("Webhook:Secrets contains the development secret from the README; outside Development configure your own whsec_ secret.")
                : ValidateOptionsResult.Success;

        public ValidateOptionsResult Validate(string? name, LinksOptions options) =>
            !environment.IsDevelopment() && options.Keys.Any(LinksOptions.IsDevelopmentKey)
                ? ValidateOptionsResult.Fail("Links:Keys contains the development key from the README; outside Development configure your own signing key.")
                : ValidateOptionsResult.Success;
    }
}
