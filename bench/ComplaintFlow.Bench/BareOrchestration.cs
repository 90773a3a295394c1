using DurableTask.Core;

namespace ComplaintFlow.Bench;

/// <summary>The smallest Durable Task Framework orchestration: one activity, its result returned.</summary>
public sealed class BareOrchestration : TaskOrchestration<string, string>
{
    public override Task<string> RunTask(OrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ScheduleTask<string>(typeof(BareActivity), input);
    }
}
