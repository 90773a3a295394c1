namespace ComplaintFlow.Local.Hosting;

/// <summary>What the local host prints once it listens: the URLs to open.</summary>
public static partial class LocalHostBanner
{
    public static void Print(ILogger logger, string address, bool startedAzurite)
    {
        var baseUrl = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        LogReady(logger, baseUrl, startedAzurite ? "a local Azurite (data in .azurite/)" : "the configured storage account");
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "ComplaintFlow is running on {Storage}.\n" +
        "  Outbox (emails, with clickable links):  {BaseUrl}/outbox\n" +
        "  File a complaint (signed webhook):       POST {BaseUrl}/api/complaints   (see README: 'File a complaint')\n" +
        "  Read a complaint (x-functions-key):      GET  {BaseUrl}/api/complaints/{{id}}   or   {BaseUrl}/status/{{id}}\n" +
        "  Health:                                  {BaseUrl}/api/health")]
    private static partial void LogReady(ILogger logger, string baseUrl, string storage);
}
