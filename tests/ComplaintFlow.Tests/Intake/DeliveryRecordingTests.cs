using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Fixtures;
using ComplaintFlow.Tests.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Intake;

/// <summary>
/// Recording behind intake's answer (<see cref="DeliveryPump"/>): what the sender sees before the complaint is
/// recorded, and that an accepted delivery is recorded once even after a crash or a failed try.
/// </summary>
public sealed class DeliveryRecordingTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(WorkflowDriver.MondayMorning);
    private readonly Failing _failing = new();
    private InMemoryComplaintFlow? _flow;

    private InMemoryComplaintFlow Flow => _flow!;

    private DeliveryPump Pump => Flow.Services.GetRequiredService<DeliveryPump>();

    // Recording at once: this clock only moves when a test moves it (RecordingPriorityTests cover the quiet period).
    public async ValueTask InitializeAsync() => _flow = await InMemoryComplaintFlow.StartAsync(
        _time,
        settings: [new("Recording:QuietPeriod", "00:00:00")],
        configureServices: s =>
        {
            s.AddSingleton<IDeliveryHandoff>(sp => sp.GetRequiredService<DeliveryPump>());
            s.AddSingleton<IComplaintStore>(sp => new FailingStore(sp.GetRequiredService<InMemoryComplaintStore>(), _failing));
        },
        cancellationToken: _ct);

    public async ValueTask DisposeAsync()
    {
        await Pump.StopAsync(CancellationToken.None);
        await Flow.DisposeAsync();
    }

    [Fact]
    public async Task Until_it_is_recorded_the_status_url_shows_the_complaint_as_received()
    {
        var id = await AcceptAsync("msg_1", SubmissionBuilder.Valid().InChinese());

        var waiting = await GetAsync(id);
        Assert.Null(await Flow.Complaints.FindAsync(ComplaintId.Parse(id), _ct));
        Assert.Equal(id, waiting.ComplaintId);
        Assert.Equal(ComplaintStatus.Received, waiting.Status);
        Assert.Equal("骑手态度恶劣", waiting.Subject);

        await Pump.StartAsync(_ct);
        await WaitUntilRecordedAsync(id);

        Assert.NotNull(await Flow.Client.GetInstanceAsync(id, cancellation: _ct));
        Assert.Equal(id, (await GetAsync(id)).ComplaintId);
    }

    [Fact]
    public async Task A_delivery_accepted_just_before_a_crash_is_recorded_by_the_sweep_at_start()
    {
        // Accepted and answered, but never handed over: the process stopped in between.
        var ledger = Flow.Services.GetRequiredService<IDeliveryLedger>();
        var body = Encoding.UTF8.GetBytes(SubmissionBuilder.Valid().WithExternalId("fb-crash").ToJson());
        var id = ComplaintId.New(_time.GetUtcNow());
        await ledger.TryAcceptAsync(new AcceptedDelivery(new IntakeKey("webhook", "msg_crash"), id, RequestFingerprint.Of(body), _time.GetUtcNow(), _time.GetUtcNow().AddDays(1), SubmissionParser.Parse(body).Submission), _ct);

        await Pump.StartAsync(_ct);
        await WaitUntilRecordedAsync(id.Value);

        Assert.Equal(id, (await ledger.FindAsync(new IntakeKey("webhook", "msg_crash"), _ct))!.RecordedAs);
        Assert.NotNull(await Flow.Client.GetInstanceAsync(id.Value, cancellation: _ct));
    }

    [Fact]
    public async Task A_recording_that_fails_is_tried_again_at_the_next_sweep()
    {
        await Pump.StartAsync(_ct);
        _failing.Armed = true;

        var id = await AcceptAsync("msg_fails", SubmissionBuilder.Valid());
        await WaitUntilAsync(() => Task.FromResult(_failing.Failures > 0 && Pump.FindWaiting(ComplaintId.Parse(id)) is null));
        Assert.Null(await Flow.Complaints.FindAsync(ComplaintId.Parse(id), _ct));

        _failing.Armed = false;
        _time.Advance(Flow.Services.GetRequiredService<RecordingOptions>().SweepInterval);
        await WaitUntilRecordedAsync(id);
    }

    [Fact]
    public async Task A_resent_external_id_starts_nothing_new_and_its_status_url_shows_the_first_complaint()
    {
        await Pump.StartAsync(_ct);
        var first = await AcceptAsync("msg_first", SubmissionBuilder.Valid().WithExternalId("fb-twice"));
        await WaitUntilRecordedAsync(first);

        var resent = await AcceptAsync("msg_resent", SubmissionBuilder.Valid().WithExternalId("fb-twice"));
        var ledger = Flow.Services.GetRequiredService<IDeliveryLedger>();
        await WaitUntilAsync(async () => (await ledger.FindAsync(new IntakeKey("webhook", "msg_resent"), _ct))!.IsRecorded);

        var context = new DefaultHttpContext();
        var shown = Assert.IsType<Ok<ComplaintView>>(Assert.IsType<PrivateResult>(await Flow.Services.GetRequiredService<ComplaintsEndpoint>().GetAsync(resent, context.Response, _ct)).Inner).Value!;
        Assert.Equal(first, shown.ComplaintId);
        Assert.Equal($"/api/complaints/{first}", context.Response.Headers.ContentLocation.ToString());
        Assert.Null(await Flow.Complaints.FindAsync(ComplaintId.Parse(resent), _ct));
        Assert.Null(await Flow.Client.GetInstanceAsync(resent, cancellation: _ct));
    }

    [Fact]
    public async Task A_recorded_delivery_is_kept_for_repeats_until_the_keeping_period_ends()
    {
        await Pump.StartAsync(_ct);
        var id = await AcceptAsync("msg_kept", SubmissionBuilder.Valid());
        await WaitUntilRecordedAsync(id);
        var ledger = Flow.Services.GetRequiredService<IDeliveryLedger>();
        var keep = Flow.Services.GetRequiredService<RecordingOptions>().KeepDeliveries;

        _time.Advance(keep - TimeSpan.FromDays(1));
        Assert.Equal(id, await AcceptAsync("msg_kept", SubmissionBuilder.Valid()));

        _time.Advance(TimeSpan.FromDays(2));
        await WaitUntilAsync(async () => await ledger.FindAsync(new IntakeKey("webhook", "msg_kept"), _ct) is null);
    }

    private async Task<string> AcceptAsync(string webhookId, SubmissionBuilder submission)
    {
        var body = Encoding.UTF8.GetBytes(submission.ToJson());
        var outcome = await Flow.Services.GetRequiredService<ComplaintIntake>()
            .AcceptAsync(SubmissionParser.Parse(body).Submission!, new IntakeKey("webhook", webhookId), RequestFingerprint.Of(body), _ct);
        Assert.Equal(IntakeOutcomeKind.Accepted, outcome.Kind);
        return outcome.Receipt!.ComplaintId;
    }

    private async Task<ComplaintView> GetAsync(string id) =>
        Assert.IsType<Ok<ComplaintView>>(Assert.IsType<PrivateResult>(await Flow.Services.GetRequiredService<ComplaintsEndpoint>().GetAsync(id, new DefaultHttpContext().Response, _ct)).Inner).Value!;

    private Task WaitUntilRecordedAsync(string id) =>
        WaitUntilAsync(async () => await Flow.Complaints.FindAsync(ComplaintId.Parse(id), _ct) is not null);

    private static Task WaitUntilAsync(Func<Task<bool>> condition) =>
        Eventually.TrueAsync(condition, TimeSpan.FromSeconds(10), "Timed out waiting for the recording.");

    private sealed class Failing
    {
        private int _failures;

        public volatile bool Armed;

        public int Failures => Volatile.Read(ref _failures);

        public void Fail()
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("Storage is unavailable.");
        }
    }

    /// <summary>The complaint store, whose adds fail while armed (storage unavailable for a while).</summary>
    private sealed class FailingStore(InMemoryComplaintStore inner, Failing failing) : IComplaintStore
    {
        public Task<bool> TryAddAsync(Complaint complaint, CancellationToken cancellationToken = default)
        {
            if (failing.Armed)
            {
                failing.Fail();
            }

            return inner.TryAddAsync(complaint, cancellationToken);
        }

        public Task<VersionedComplaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public Task<string> SaveAsync(Complaint complaint, string version, CancellationToken cancellationToken = default) => inner.SaveAsync(complaint, version, cancellationToken);

        public Task<ComplaintPage> ListByMonthAsync(string month, ComplaintStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
            inner.ListByMonthAsync(month, status, pageSize, continuationToken, cancellationToken);

        public Task<IReadOnlyList<ComplaintId>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default) => inner.FindByCustomerAsync(customerId, cancellationToken);

        public Task ForgetCustomerAsync(string customerId, ComplaintId id, CancellationToken cancellationToken = default) => inner.ForgetCustomerAsync(customerId, id, cancellationToken);

        public IAsyncEnumerable<ComplaintId> OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);

        public IAsyncEnumerable<ComplaintId> ClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => inner.ClosedBeforeAsync(cutoff, cancellationToken);
    }
}
