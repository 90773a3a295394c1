namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>
/// The app settings the Azure Functions app is given, by the names they have as settings (environment variables,
/// <c>__</c> for <c>:</c>). <see cref="OnAzure"/> is what <c>infra/</c> sets on the site; <see cref="Locally"/> is
/// what <c>local.settings.sample.json</c> holds for <c>func start</c> on Azurite. The infra tests hold both files to
/// these lists, so a setting the app starts reading is added here, in the Bicep and in the sample together.
/// </summary>
/// <remarks>
/// Settings with defaults that a deployment rarely changes (<c>Sla</c>, <c>Verification</c>, <c>Recording</c>,
/// <c>IntakeQueue</c>, <c>Teams</c>, <c>Agents</c>, ...) are not listed: the app works without them, and they can be added
/// as app settings by the same names. The Durable task hub's name is in <c>host.json</c>, not a setting.
/// </remarks>
public static class FunctionsSettings
{
    // Functions host, Durable Functions' task hub and queue triggers: the storage account by identity, or Azurite.
    public const string HostStorageBlobServiceUri = "AzureWebJobsStorage__blobServiceUri";
    public const string HostStorageQueueServiceUri = "AzureWebJobsStorage__queueServiceUri";
    public const string HostStorageTableServiceUri = "AzureWebJobsStorage__tableServiceUri";
    public const string HostStorageCredential = "AzureWebJobsStorage__credential";
    public const string HostStorageClientId = "AzureWebJobsStorage__clientId";
    public const string HostStorageConnectionString = "AzureWebJobsStorage";

    /// <summary>Set locally only; on Flex Consumption the runtime is the site's <c>functionAppConfig.runtime</c>.</summary>
    public const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";

    /// <summary>Locally, makes the worker's host environment Development, where the README's development secrets are accepted.</summary>
    public const string DotNetEnvironment = "DOTNET_ENVIRONMENT";

    // Telemetry, sent with a Microsoft Entra token (the connection string alone is refused).
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AppInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The user-assigned identity's client id, which <c>DefaultAzureCredential</c> uses (Communication Services email).</summary>
    public const string AzureClientId = "AZURE_CLIENT_ID";

    // The app's own tables and queues (StorageOptions).
    public const string StorageTableServiceUri = "Storage__TableServiceUri";
    public const string StorageQueueServiceUri = "Storage__QueueServiceUri";
    public const string StorageManagedIdentityClientId = "Storage__ManagedIdentityClientId";
    public const string StorageConnectionString = "Storage__ConnectionString";

    // Secrets (WebhookOptions, LinksOptions): on Azure Key Vault references, the current one first and the previous one
    // second, so that a rotation never has a moment when only one side knows the new value.
    public const string WebhookSecret = "Webhook__Secrets__0";
    public const string WebhookPreviousSecret = "Webhook__Secrets__1";
    public const string LinksKey = "Links__Keys__0";
    public const string LinksPreviousKey = "Links__Keys__1";
    public const string LinksBaseUrl = "Links__BaseUrl";

    /// <summary>The ops pages' sign-in key (OpsOptions), a Key Vault reference on Azure.</summary>
    public const string OpsKey = "Ops__Key";

    // Email (EmailOptions, AcsOptions).
    public const string EmailTransport = "Email__Transport";
    public const string EmailAcsEndpoint = "Email__Acs__Endpoint";
    public const string EmailFrom = "Email__From";
    public const string EmailFromName = "Email__FromName";

    public const string WorkingHoursTimeZone = "WorkingHours__TimeZone";

    /// <summary>The settings <c>infra/</c> gives the function app.</summary>
    public static IReadOnlyList<string> OnAzure { get; } =
    [
        HostStorageBlobServiceUri,
        HostStorageQueueServiceUri,
        HostStorageTableServiceUri,
        HostStorageCredential,
        HostStorageClientId,
        AppInsightsConnectionString,
        AppInsightsAuthenticationString,
        AzureClientId,
        StorageTableServiceUri,
        StorageQueueServiceUri,
        StorageManagedIdentityClientId,
        WebhookSecret,
        WebhookPreviousSecret,
        LinksKey,
        LinksPreviousKey,
        LinksBaseUrl,
        OpsKey,
        EmailTransport,
        EmailAcsEndpoint,
        EmailFrom,
        EmailFromName,
        WorkingHoursTimeZone,
    ];

    /// <summary>The settings in <c>local.settings.sample.json</c>: Azurite, the outbox instead of email, one secret of each kind.</summary>
    public static IReadOnlyList<string> Locally { get; } =
    [
        WorkerRuntime,
        DotNetEnvironment,
        HostStorageConnectionString,
        StorageConnectionString,
        WebhookSecret,
        LinksKey,
        LinksBaseUrl,
        OpsKey,
        EmailTransport,
        EmailFrom,
        EmailFromName,
        WorkingHoursTimeZone,
    ];
}
