namespace ComplaintFlow.Local.Hosting;

/// <summary>What the local host prints once it listens: the URLs to open.</summary>
public static partial class LocalHostBanner
{
    public static void Print(ILogger logger, string address, bool startedAzurite)
    {
        var baseUrl = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        LogReady(logger, baseUrl, startedAzurite ? "a local Azurite (data in .azurite/)" : "the configured storage account");
    }

    /// <summary>Azurite's endpoints and connection string, and the intake queue's name, for queue intake and storage tools.</summary>
    public static string Storage(DevServices.AzuriteProcess azurite, string intakeQueue)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return "Storage (Azurite, data in .azurite/):\n" +
            $"  Tables:  http://127.0.0.1:{azurite.TablePort}/devstoreaccount1\n" +
            $"  Queues:  http://127.0.0.1:{azurite.QueuePort}/devstoreaccount1   (intake queue: {intakeQueue})\n" +
            $"  Blobs:   http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1\n" +
            $"  Connection string: {azurite.ConnectionString}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "ComplaintFlow is running on {Storage}.\n" +
        "  Outbox (emails, with clickable links):  {BaseUrl}/outbox\n" +
        "  File a complaint (signed webhook):       POST {BaseUrl}/api/complaints   (see README: 'File a complaint')\n" +
        "  Read a complaint (x-functions-key):      GET  {BaseUrl}/api/complaints/{{id}}   or   {BaseUrl}/status/{{id}}\n" +
        "  Health:                                  {BaseUrl}/api/health")]
    private static partial void LogReady(ILogger logger, string baseUrl, string storage);
}
