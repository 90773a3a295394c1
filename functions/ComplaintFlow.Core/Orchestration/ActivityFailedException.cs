namespace ComplaintFlow.Core.Orchestration;

/// <summary>An activity failed on every try (Durable's <c>TaskFailedException</c>).</summary>
public sealed class ActivityFailedException : Exception
{
    public ActivityFailedException()
    {
    }

    public ActivityFailedException(string message)
        : base(message)
    {
    }

    public ActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ActivityFailedException(string activityName, string errorType, string errorMessage)
        : base($"Activity '{activityName}' failed: {errorType}: {errorMessage}")
    {
        ActivityName = activityName;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>The activity that failed.</summary>
    public string ActivityName { get; } = string.Empty;

    /// <summary>The full name of the exception type the activity threw.</summary>
    public string ErrorType { get; } = string.Empty;

    /// <summary>Its message.</summary>
    public string ErrorMessage { get; } = string.Empty;
}
