namespace ComplaintFlow.Local.Simulator;

/// <summary>An instance changed in the store behind the runtime's back (e.g. two runtimes over the same tables).</summary>
public sealed class DurableConcurrencyException : Exception
{
    public DurableConcurrencyException()
    {
    }

    public DurableConcurrencyException(string message)
        : base(message)
    {
    }

    public DurableConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
