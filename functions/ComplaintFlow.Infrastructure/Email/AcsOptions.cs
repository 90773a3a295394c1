namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// Section <c>Email:Acs</c>: Azure Communication Services Email, used by the sender in the Functions app.
/// Set <see cref="Endpoint"/> (managed identity) or <see cref="ConnectionString"/>.
/// </summary>
public sealed class AcsOptions
{
    /// <summary>The resource endpoint, e.g. <c>https://my-acs.communication.azure.com</c>, reached with managed identity.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A secret: from Key Vault or app settings, never committed.</summary>
    public string? ConnectionString { get; set; }
}
