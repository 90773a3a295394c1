using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Intake;

/// <summary>During a burst the storage serves intake first: recording waits for a quiet moment, but never longer than it may.</summary>
public sealed class RecordingPriorityTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_waits_while_complaints_keep_arriving_and_follows_once_they_stop()
    {
        await using var flow = await StartAsync(quietPeriod: "00:00:05", maxDelay: "00:05:00");
        var pump = flow.Services.GetRequiredService<DeliveryPump>();
        await pump.StartAsync(_ct);
        try
        {
            var ids = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                ids.Add(await AcceptAsync(flow, i));
                await Task.Delay(100, _ct);
            }

            Assert.Equal(10, pump.Waiting);
            Assert.Empty(await RecordedAsync(flow, ids));

            await Eventually.TrueAsync(async () => (await RecordedAsync(flow, ids)).Count == ids.Count, TimeSpan.FromSeconds(30), "Timed out waiting for the recording.");
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_delivery_that_waited_the_longest_it_may_is_recorded_while_complaints_keep_arriving()
    {
        await using var flow = await StartAsync(quietPeriod: "00:01:00", maxDelay: "00:00:00.300");
        var pump = flow.Services.GetRequiredService<DeliveryPump>();
        await pump.StartAsync(_ct);
        try
        {
            var first = await AcceptAsync(flow, 0);
            var recordedWhileBusy = false;
            for (var i = 1; i < 100 && !recordedWhileBusy; i++)
            {
                await AcceptAsync(flow, i);
                await Task.Delay(50, _ct);
                recordedWhileBusy = (await RecordedAsync(flow, [first])).Count == 1;
            }

            Assert.True(recordedWhileBusy, "The first delivery was still unrecorded after about 5 seconds of constant intake.");
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    private Task<InMemoryComplaintFlow> StartAsync(string quietPeriod, string maxDelay) => InMemoryComplaintFlow.StartAsync(
        TimeProvider.System,
        settings: [new("Recording:QuietPeriod", quietPeriod), new("Recording:MaxDelay", maxDelay)],
        configureServices: s => s.AddSingleton<IDeliveryHandoff>(sp => sp.GetRequiredService<DeliveryPump>()),
        cancellationToken: _ct);

    private async Task<string> AcceptAsync(InMemoryComplaintFlow flow, int n)
    {
        var body = Encoding.UTF8.GetBytes(SubmissionBuilder.Valid().WithExternalId($"fb-burst-{n}").WithCustomerId($"u-burst-{n}").ToJson());
        var outcome = await flow.Services.GetRequiredService<ComplaintIntake>()
            .AcceptAsync(SubmissionParser.Parse(body).Submission!, new IntakeKey("webhook", $"msg_burst_{n}"), RequestFingerprint.Of(body), _ct);
        return outcome.Receipt!.ComplaintId;
    }

    private async Task<List<string>> RecordedAsync(InMemoryComplaintFlow flow, IEnumerable<string> ids)
    {
        var recorded = new List<string>();
        foreach (var id in ids)
        {
            if (await flow.Complaints.FindAsync(ComplaintId.Parse(id), _ct) is not null)
            {
                recorded.Add(id);
            }
        }

        return recorded;
    }
}
