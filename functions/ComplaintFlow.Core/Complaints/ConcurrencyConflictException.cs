namespace ComplaintFlow.Core.Complaints;

/// <summary>Someone else saved the record since it was read; read it again and retry if the change is still valid.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
