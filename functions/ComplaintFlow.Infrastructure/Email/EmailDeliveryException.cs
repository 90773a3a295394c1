namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// An email could not be handed to the mail server or service. The message names the email by kind and id and the recipient
/// only masked, so it is safe to log; <see cref="IsTransient"/> tells whether trying again may help.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(string message, bool isTransient)
        : base(message) => IsTransient = isTransient;

    /// <summary>
    /// True when trying again may help: network failures and timeouts, SMTP 4xx replies, ACS 408/429/5xx answers.
    /// False when the mail was refused for good: SMTP 5xx replies, other ACS 4xx answers, an ACS send reported Failed.
    /// </summary>
    public bool IsTransient { get; }
}
