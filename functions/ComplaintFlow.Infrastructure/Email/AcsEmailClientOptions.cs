using Azure.Core;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// Azure.Core client options for <see cref="AcsEmailSender"/>'s HTTP pipeline: <see cref="ClientOptions.Retry"/> (how often
/// and how far apart a 408, 429 or 5xx answer is retried; the service's <c>Retry-After</c> is always honoured) and
/// <see cref="ClientOptions.Transport"/>. The defaults are Azure.Core's: 3 retries, exponential from 0.8 s.
/// </summary>
public sealed class AcsEmailClientOptions : ClientOptions
{
}
