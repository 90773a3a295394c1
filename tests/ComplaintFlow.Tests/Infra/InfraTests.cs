using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFlow.Infrastructure.Hosting;
using ComplaintFlow.Infrastructure.Queues;

namespace ComplaintFlow.Tests.Infra;

/// <summary>infra/ builds and lints clean with the pinned Bicep CLI, and the template it compiles to deploys what docs/deploy.md says.</summary>
public sealed partial class InfraTests
{
    [Fact]
    public async Task Main_bicep_builds_without_a_warning()
    {
        var compiled = await CompiledInfra.GetAsync();

        Assert.True(compiled.Build.ExitCode == 0 && compiled.Build.Output.Length == 0, "bicep build:\n" + compiled.Build.Output);
    }

    [Fact]
    public async Task Lint_finds_nothing()
    {
        var compiled = await CompiledInfra.GetAsync();

        // bicep lint exits 0 on warnings, so what it prints is the verdict.
        Assert.True(compiled.Lint.ExitCode == 0 && compiled.Lint.Output.Length == 0, "bicep lint:\n" + compiled.Lint.Output);
    }

    [Fact]
    public async Task The_app_runs_dotnet_isolated_10_on_Flex_Consumption_as_its_user_assigned_identity()
    {
        var template = (await CompiledInfra.GetAsync()).Template;

        var (_, plan) = template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", Text(plan, "sku", "name"));
        Assert.Equal("FlexConsumption", Text(plan, "sku", "tier"));
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());

        var (_, site) = template.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", Text(site, "kind"));
        Assert.Equal("UserAssigned", Text(site, "identity", "type"));
        Assert.Equal("[parameters('identityId')]", Text(site, "properties", "keyVaultReferenceIdentity"));
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());

        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", Text(config, "runtime", "name"));
        Assert.Equal("10.0", Text(config, "runtime", "version"));
        Assert.Equal("blobContainer", Text(config, "deployment", "storage", "type"));
        Assert.Equal("UserAssignedIdentity", Text(config, "deployment", "storage", "authentication", "type"));
        Assert.Equal("[parameters('identityId')]", Text(config, "deployment", "storage", "authentication", "userAssignedIdentityResourceId"));
        var scale = config.GetProperty("scaleAndConcurrency");
        Assert.True(scale.TryGetProperty("instanceMemoryMB", out _) && scale.TryGetProperty("maximumInstanceCount", out _));
        Assert.Equal(2048, template.Parameters["instanceMemoryMB"].GetProperty("defaultValue").GetInt32());

        var basicAuth = template.Find("Microsoft.Web/sites/basicPublishingCredentialsPolicies").Select(p => p.Resource).ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public async Task Storage_takes_no_shared_keys_and_holds_the_deployment_container_and_the_intake_queues()
    {
        var template = (await CompiledInfra.GetAsync()).Template;

        var (storageModule, account) = template.Single("Microsoft.Storage/storageAccounts");
        var properties = account.GetProperty("properties");
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(properties.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());

        template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var defaults = new IntakeQueueOptions();
        Assert.Equal(
            [defaults.QueueName, defaults.PoisonQueueName],
            storageModule.Variables["intakeQueues"].EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public async Task Monitoring_and_email_accept_only_Microsoft_Entra_authentication()
    {
        var template = (await CompiledInfra.GetAsync()).Template;

        var (_, workspace) = template.Single("Microsoft.OperationalInsights/workspaces");
        Assert.True(workspace.GetProperty("properties").GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
        var (_, appInsights) = template.Single("Microsoft.Insights/components");
        Assert.True(appInsights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("Authorization=AAD", AppSettings(template)[FunctionsSettings.AppInsightsAuthenticationString], StringComparison.Ordinal);

        var (_, domain) = template.Single("Microsoft.Communication/emailServices/domains");
        Assert.Equal("AzureManaged", Text(domain, "properties", "domainManagement"));
        var (_, communication) = template.Single("Microsoft.Communication/communicationServices");
        Assert.True(communication.GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.Communication/emailServices/domains", communication.GetProperty("properties").GetProperty("linkedDomains")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Acs", AppSettings(template)[FunctionsSettings.EmailTransport]);
    }

    [Fact]
    public async Task The_identity_and_the_deploying_principal_get_their_roles_by_built_in_role_id()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        const string storage = "Microsoft.Storage/storageAccounts";
        const string vault = "Microsoft.KeyVault/vaults";

        var assignments = template.Find("Microsoft.Authorization/roleAssignments")
            .Select(a => a.Resource)
            .Select(a => (
                Principal: Text(a, "properties", "principalId"),
                Role: RoleGuid().Match(Text(a, "properties", "roleDefinitionId")).Value,
                Scope: Text(a, "scope"),
                Conditional: a.TryGetProperty("condition", out _),
                Type: a.GetProperty("properties").TryGetProperty("principalType", out var type) ? type.GetString() : null))
            .ToList();

        var identity = assignments.Where(a => a.Principal == "[parameters('identityPrincipalId')]").ToList();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = storage, // Storage Blob Data Owner
                ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = storage, // Storage Queue Data Contributor
                ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = storage, // Storage Table Data Contributor
                ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Microsoft.Insights/components", // Monitoring Metrics Publisher
                ["4633458b-17de-408a-b874-0445c86b69e6"] = vault, // Key Vault Secrets User
                ["09976791-48a7-449e-bb21-39d1a415f350"] = "Microsoft.Communication/communicationServices", // Communication and Email Service Owner
            },
            identity.ToDictionary(a => a.Role, a => ScopeType(a.Scope)));
        Assert.All(identity, a => Assert.Equal("ServicePrincipal", a.Type));

        var deployer = assignments.Where(a => a.Principal == "[parameters('principalId')]").ToList();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = storage,
                ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = storage,
                ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = storage,
                ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = vault, // Key Vault Secrets Officer
            },
            deployer.ToDictionary(a => a.Role, a => ScopeType(a.Scope)));
        Assert.All(deployer, a => Assert.True(a.Conditional, "An assignment to the deploying principal must be skipped when AZURE_PRINCIPAL_ID is empty."));
        Assert.Equal(assignments.Count, identity.Count + deployer.Count);

        // The site waits for its roles: its deployment container and Key Vault references need them at start.
        var app = template.Resources.Single(r => ArmTemplate.Type(r) == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "app");
        Assert.Contains(app.GetProperty("dependsOn").EnumerateArray(), d => d.GetString()!.Contains("'access'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_reach_the_app_only_as_Key_Vault_references_to_secrets_the_vault_holds()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var settings = AppSettings(template);

        var references = settings.Where(s => s.Value.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { FunctionsSettings.LinksKey, FunctionsSettings.LinksPreviousKey, FunctionsSettings.OpsKey, FunctionsSettings.WebhookSecret, FunctionsSettings.WebhookPreviousSecret }.Order(StringComparer.Ordinal),
            references.Select(r => r.Key).Order(StringComparer.Ordinal));

        var vaultModule = template.All.Single(t => t.Resources.Any(r => ArmTemplate.Type(r) == "Microsoft.KeyVault/vaults/secrets"));
        var stored = vaultModule.Resources.Where(r => ArmTemplate.Type(r) == "Microsoft.KeyVault/vaults/secrets").Select(r => SecretKey(r.GetProperty("name").GetString()!)).ToList();
        Assert.Equal(stored.Order(StringComparer.Ordinal), references.Select(r => SecretKey(r.Value)).Order(StringComparer.Ordinal));

        // Versionless references follow rotation: the app picks up a secret's newest version.
        Assert.All(references, r => Assert.Contains("SecretUri={0}/{1}/)'", r.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_secret_is_written_from_a_secure_parameter_that_azd_reads_back_from_the_same_vault_entry()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var vaultModule = template.All.Single(t => t.Resources.Any(r => ArmTemplate.Type(r) == "Microsoft.KeyVault/vaults/secrets"));
        var secretNames = vaultModule.Variables["vaultSecrets"].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var vaultCall = template.Resources.Single(r => r.GetProperty("name").GetString() == "vault").GetProperty("properties").GetProperty("parameters");
        var parametersFile = await ParametersFileAsync();

        foreach (var secret in vaultModule.Resources.Where(r => ArmTemplate.Type(r) == "Microsoft.KeyVault/vaults/secrets"))
        {
            var vaultName = secretNames[SecretKey(secret.GetProperty("name").GetString()!)];
            var moduleParameter = ParameterReference().Match(Text(secret, "properties", "value")).Groups[1].Value;
            Assert.Contains(moduleParameter, vaultModule.SecureParameters);

            var mainParameter = ParameterReference().Match(vaultCall.GetProperty(moduleParameter).GetProperty("value").GetString()!).Groups[1].Value;
            Assert.Contains(mainParameter, template.SecureParameters);
            Assert.Equal(
                $"$(secretOrRandomPassword ${{AZURE_KEY_VAULT_NAME}} {vaultName})",
                parametersFile.GetProperty(mainParameter).GetProperty("value").GetString());
        }

        Assert.True(template.Outputs.ContainsKey("AZURE_KEY_VAULT_NAME"), "main.parameters.json reads the vault name back from this output.");
    }

    [Fact]
    public async Task No_output_carries_a_secret()
    {
        var template = (await CompiledInfra.GetAsync()).Template;

        foreach (var module in template.All)
        {
            foreach (var (name, output) in module.Outputs)
            {
                var type = output.GetProperty("type").GetString()!;
                var value = output.GetProperty("value").ToString();
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{module.Name}: output {name} is {type}.");
                Assert.DoesNotContain(module.SecureParameters, p => value.Contains($"parameters('{p}')", StringComparison.Ordinal));
                Assert.DoesNotMatch(SecretBearingExpression(), value);
            }
        }
    }

    [Fact]
    public async Task Parameters_come_from_the_azd_environment_and_every_resource_is_tagged_with_it()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var parametersFile = await ParametersFileAsync();

        Assert.Equal("${AZURE_ENV_NAME}", parametersFile.GetProperty("environmentName").GetProperty("value").GetString());
        Assert.Equal("${AZURE_LOCATION}", parametersFile.GetProperty("location").GetProperty("value").GetString());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", parametersFile.GetProperty("principalId").GetProperty("value").GetString());
        Assert.All(parametersFile.EnumerateObject(), p => Assert.Contains(p.Name, template.Parameters.Keys));
        Assert.Equal("subscriptionDeploymentTemplate.json#", template.Root.GetProperty("$schema").GetString()!.Split('/')[^1]);

        Assert.Equal("[parameters('environmentName')]", template.Variables["tags"].GetProperty("azd-env-name").GetString());
        var rg = template.Resources.Single(r => ArmTemplate.Type(r) == "Microsoft.Resources/resourceGroups");
        Assert.Equal("[variables('tags')]", rg.GetProperty("tags").GetString());
        Assert.Contains("COMPLAINTFLOW_WEBHOOK_URL", template.Outputs.Keys);
        Assert.Contains("/api/complaints", template.Outputs["COMPLAINTFLOW_WEBHOOK_URL"].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("SERVICE_API_URI", template.Outputs.Keys);
    }

    /// <summary>The app settings infra gives the site, name to value (values are often ARM expressions).</summary>
    internal static Dictionary<string, string> AppSettings(ArmTemplate template)
    {
        var (_, config) = template.Single("Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", config.GetProperty("name").GetString(), StringComparison.Ordinal);
        return config.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static async Task<JsonElement> ParametersFileAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(CompiledInfra.InfraDirectory, "main.parameters.json"), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("parameters").Clone();
    }

    private static string Text(JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, name) => e.GetProperty(name)).GetString()!;

    private static readonly string[] ScopeTypes =
        ["Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults", "Microsoft.Insights/components", "Microsoft.Communication/communicationServices"];

    private static string ScopeType(string scope) => ScopeTypes.Single(type => scope.Contains(type, StringComparison.Ordinal));

    private static string SecretKey(string expression) => VaultSecretKey().Match(expression).Groups[1].Value;

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleGuid();

    [GeneratedRegex(@"parameters\('(\w+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('vaultSecrets'\)\.(\w+)")]
    private static partial Regex VaultSecretKey();

    [GeneratedRegex(@"(?i)\blist\w*\(|connectionstring|/secrets/")]
    private static partial Regex SecretBearingExpression();
}
