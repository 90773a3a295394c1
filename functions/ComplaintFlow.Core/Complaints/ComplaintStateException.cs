namespace ComplaintFlow.Core.Complaints;

/// <summary>Thrown when a complaint is asked to do something its current state does not allow.</summary>
public sealed class ComplaintStateException : Exception
{
    public ComplaintStateException()
    {
    }

    public ComplaintStateException(string message)
        : base(message)
    {
    }

    public ComplaintStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
