namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>A record is too large for Table Storage even when split; nothing was written and nothing was cut short.</summary>
public sealed class StorageLimitException : Exception
{
    public StorageLimitException()
    {
    }

    public StorageLimitException(string message)
        : base(message)
    {
    }

    public StorageLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
