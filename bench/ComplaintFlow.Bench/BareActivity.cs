using DurableTask.Core;

namespace ComplaintFlow.Bench;

/// <summary>The bare orchestration's one activity: hands its input back.</summary>
public sealed class BareActivity : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => input;
}
