using Azure.Identity;

namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>The app's Microsoft Entra ID identity, for storage, Communication Services email and telemetry alike.</summary>
public static class AppIdentity
{
    /// <summary><see cref="DefaultAzureCredential"/> for the identity <see cref="Options"/> names.</summary>
    public static DefaultAzureCredential Credential(string? managedIdentityClientId) => new(Options(managedIdentityClientId));

    /// <summary>
    /// <paramref name="managedIdentityClientId"/> when configured; otherwise Azure.Identity's own default, the
    /// <c>AZURE_CLIENT_ID</c> environment variable (which infra/ sets to the app's user-assigned identity). Setting the
    /// option to null would throw that default away and fall back to a system-assigned identity the app does not have.
    /// </summary>
    public static DefaultAzureCredentialOptions Options(string? managedIdentityClientId)
    {
        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(managedIdentityClientId))
        {
            options.ManagedIdentityClientId = managedIdentityClientId;
        }

        return options;
    }
}
