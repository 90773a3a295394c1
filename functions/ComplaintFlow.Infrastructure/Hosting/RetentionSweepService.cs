using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Workflow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>
/// The local host's retention sweep: shortly after start and then every <see cref="PrivacyOptions.SweepInterval"/>, erases
/// the complaints closed more than <see cref="PrivacyOptions.RetainClosedFor"/> ago. A failed sweep is logged and the
/// next one tries again. (The Functions app runs the same sweep on a daily timer.)
/// </summary>
public sealed partial class RetentionSweepService(CustomerErasure erasure, PrivacyOptions options, TimeProvider time, ILogger<RetentionSweepService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(options.SweepInterval, time);
            do
            {
                try
                {
                    await erasure.SweepAsync(options.RetainClosedFor, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex.GetType().Name, options.SweepInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed ({Error}); it runs again in {Interval}")]
    private static partial void LogFailed(ILogger logger, string error, TimeSpan interval);
}
