namespace ComplaintFlow.Local.Durable;

/// <summary>
/// A payload (input, output, event, custom status) is larger than the store can hold. Clients get it from the call that
/// sent the payload; an instance whose own output or activity result is too large fails with it.
/// </summary>
public sealed class DurablePayloadTooLargeException : InvalidOperationException
{
    public DurablePayloadTooLargeException()
    {
    }

    public DurablePayloadTooLargeException(string message)
        : base(message)
    {
    }

    public DurablePayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
