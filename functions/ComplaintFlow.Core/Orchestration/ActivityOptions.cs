namespace ComplaintFlow.Core.Orchestration;

/// <summary>How an activity call is retried (Durable's <c>TaskOptions</c> with a retry policy).</summary>
public sealed record ActivityOptions(ActivityRetryPolicy? Retry)
{
    /// <summary>Default for activities that touch storage or email: 5 tries, 2 s, doubling, at most 1 minute apart.</summary>
    public static ActivityOptions Transient { get; } = new(new ActivityRetryPolicy(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1)));
}
