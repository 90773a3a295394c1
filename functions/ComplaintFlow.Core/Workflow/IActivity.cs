namespace ComplaintFlow.Core.Workflow;

/// <summary>
/// One workflow step that touches the world. Runs at least once: an activity must be safe to run twice
/// (it recognises its own earlier write by the step id in its input).
/// </summary>
public interface IActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
