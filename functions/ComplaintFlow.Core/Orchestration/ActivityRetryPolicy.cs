namespace ComplaintFlow.Core.Orchestration;

/// <summary>Retry settings for an activity, as in Durable's <c>RetryPolicy</c>.</summary>
/// <param name="MaxNumberOfAttempts">Total tries, including the first (at least 1).</param>
/// <param name="FirstRetryInterval">Wait before the second try.</param>
/// <param name="BackoffCoefficient">Each wait is the previous one times this (at least 1).</param>
/// <param name="MaxRetryInterval">No wait is longer than this; null for no cap.</param>
public sealed record ActivityRetryPolicy(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxRetryInterval = null)
{
    /// <summary>The wait before try <paramref name="attempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBeforeAttempt(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        var delay = FirstRetryInterval * Math.Pow(Math.Max(1.0, BackoffCoefficient), attempt - 2);
        return MaxRetryInterval is { } cap && delay > cap ? cap : delay;
    }
}
