namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// Where the tables and queues are (section <c>Storage</c>): a connection string (Azurite, or a key-based account), or
/// an account reached with Microsoft Entra ID (<c>DefaultAzureCredential</c>: managed identity in Azure, your
/// developer login elsewhere) by <see cref="AccountName"/> or explicit service URIs.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A storage connection string; when set, the other location settings are not used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account name; gives <c>https://{name}.table.core.windows.net</c> and the queue equivalent.</summary>
    public string? AccountName { get; set; }

    /// <summary>The Table service URI, when it is not the public-cloud default for <see cref="AccountName"/>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The Queue service URI, when it is not the public-cloud default for <see cref="AccountName"/>.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one or a developer login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Put in front of every table name, so several environments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "cf";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName) && (TableServiceUri is null || QueueServiceUri is null))
        {
            yield return "Storage: set Storage:ConnectionString, or Storage:AccountName (reached with DefaultAzureCredential), or both Storage:TableServiceUri and Storage:QueueServiceUri.";
        }

        if (string.IsNullOrEmpty(TablePrefix) || TablePrefix.Length > 30 || !char.IsAsciiLetter(TablePrefix[0]) || !TablePrefix.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"Storage:TablePrefix '{TablePrefix}' must be 1-30 ASCII letters and digits, starting with a letter (table names allow nothing else).";
        }

        foreach (var (name, uri) in new[] { ("TableServiceUri", TableServiceUri), ("QueueServiceUri", QueueServiceUri) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
            {
                yield return $"Storage:{name} must be an absolute https URI (http only for loopback emulators).";
            }
        }
    }
}
