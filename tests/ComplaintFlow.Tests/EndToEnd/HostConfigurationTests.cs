using ComplaintFlow.Infrastructure.Links;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.Hosting;
using ComplaintFlow.Local.Security;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.EndToEnd;

/// <summary>What ops see when the host is started outside Development without its own secrets.</summary>
public sealed class HostConfigurationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_secrets_and_names_them()
    {
        var problems = await StartAsync();

        Assert.Contains(problems, p => p.StartsWith("Webhook:Secrets", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Links:Keys", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Api:Key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_the_published_development_secret_and_key()
    {
        var problems = await StartAsync(
            $"--Webhook:Secrets:0={WebhookOptions.DevelopmentSecret}",
            $"--Links:Keys:0={LinksOptions.DevelopmentKey}",
            "--Api:Key=a-real-key-for-this-test-0123456789");

        Assert.Contains(problems, p => p.StartsWith("Webhook:Secrets contains the development secret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Links:Keys contains the development key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_the_development_api_key()
    {
        var problems = await StartAsync($"--Api:Key={ApiOptions.DevelopmentKey}");

        Assert.Contains(problems, p => p.StartsWith("Api:Key is the development key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_hub_setting_out_of_range_stops_the_host_naming_it()
    {
        var problems = await StartAsync(
            "--DurableTask:HubName=complaint-flow",
            "--DurableTask:PartitionCount=0",
            "--DurableTask:WorkItemVisibilityTimeout=00:00:01");

        Assert.Contains(problems, p => p.StartsWith("DurableTask:HubName must be 3 to 45 letters and digits", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DurableTask:PartitionCount must be from 1 to 16", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DurableTask:WorkItemVisibilityTimeout must be from 00:00:05", StringComparison.Ordinal));
    }

    /// <summary>Starts a Production host and returns every settings problem it stopped with.</summary>
    private async Task<IReadOnlyList<string>> StartAsync(params string[] settings)
    {
        string[] args =
        [
            "--environment", "Production",
            "--urls", "http://127.0.0.1:0",
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Storage:TablePrefix={AzuriteFixture.UniqueName("p")}",
            "--Logging:LogLevel:Default=None",
            .. settings,
        ];
        await using var host = await LocalHost.BuildAsync(args, cancellationToken: TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));
        return LocalHostApp.SettingProblems(error);
    }
}
