namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// An email could not be handed to the mail server. The message names the email by kind and id and the recipient
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

    /// <summary>True for network failures, timeouts and 4xx replies; false when the server refused the mail for good (5xx).</summary>
    public bool IsTransient { get; }
}
