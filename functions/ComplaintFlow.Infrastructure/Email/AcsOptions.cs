namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// Section <c>Email:Acs</c>: Azure Communication Services Email, sent by <see cref="AcsEmailSender"/> with the app's
/// Entra ID identity (<c>DefaultAzureCredential</c>: the managed identity in Azure, your developer sign-in locally).
/// The identity needs a role on the Communication Services resource that allows sending, e.g. Communication and Email
/// Service Owner or Contributor. The sender address (<see cref="EmailOptions.From"/>) must belong to a domain
/// connected to the resource; its display name is the one configured on that sender in Azure (the API has no
/// per-message display name, so <see cref="EmailOptions.FromName"/> does not apply here).
/// </summary>
public sealed class AcsOptions
{
    /// <summary>The resource endpoint, <c>https://</c> + the resource's host name, e.g. <c>https://my-acs.communication.azure.com</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one or a developer sign-in.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The longest one send may take: retries after 429 and 5xx answers (each after the service's <c>Retry-After</c>)
    /// and polling until the service reports the email sent. Past it the send fails as transient and the activity's
    /// retry picks the same operation up again without sending the email a second time.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Not supported, and refused at start when set: access keys are secrets to rotate and keep out of settings, and
    /// the sender authenticates with the app's identity instead. Set <see cref="Endpoint"/>.
    /// </summary>
    public string? ConnectionString { get; set; }
}
