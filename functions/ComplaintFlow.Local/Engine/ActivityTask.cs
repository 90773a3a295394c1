using ComplaintFlow.Core.Workflow;
using Microsoft.DurableTask;

namespace ComplaintFlow.Local.Engine;

/// <summary>One of our activities as the SDK's <see cref="TaskActivity{TInput, TOutput}"/>: a line that delegates.</summary>
internal sealed class ActivityTask<TInput, TOutput>(IActivity<TInput, TOutput> activity) : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => activity.RunAsync(input, CancellationToken.None);
}
