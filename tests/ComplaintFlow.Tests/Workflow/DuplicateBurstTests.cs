using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// A customer who sends the same complaint many times within seconds gets one complaint handled by one agent: every
/// copy is merged into the same original, whichever copy is verified first and however their verifications interleave.
/// </summary>
public sealed class DuplicateBurstTests
{
    private const int Copies = 10;

    /// <summary>The same complaint as sent again and again: spacing, punctuation and digits differ, the words do not.</summary>
    private static readonly string[] Variants =
    [
        "订单 123 配送超时两个小时，骑手还辱骂我。",
        "订单123配送超时两个小时,骑手还辱骂我!",
        "订单 123 配送超时 2 个小时，骑手还辱骂我！！",
        "订单 123：配送超时两个小时……骑手还辱骂我",
    ];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_copies_filed_at_once_merge_into_one_original_that_one_agent_gets_at_urgent()
    {
        await using var driver = await WorkflowDriver.StartAsync();

        var complaints = await FileAllAtOnceAsync(driver);

        AssertOneOriginal(complaints, out var original);
        Assert.Equal(ComplaintStatus.Assigned, original.Status);
        Assert.Equal(Copies - 1, original.RepeatCount);
        Assert.Equal(Severity.Urgent, original.Severity);
        var assignments = new List<EmailMessage>();
        foreach (var complaint in complaints)
        {
            assignments.AddRange(await driver.EmailsAsync(complaint.Id.Value, EmailKind.AgentAssignment));
        }

        Assert.Single(assignments);
    }

    [Fact]
    public async Task Copies_that_all_read_the_customers_complaints_before_any_decided_still_merge_into_one_original()
    {
        // The worst interleaving: every verification reads what the customer has before any of them writes.
        await using var driver = await WorkflowDriver.StartAsync(configureServices: services =>
            services.AddSingleton<IComplaintIndex>(new ReadersMeet(new InMemoryComplaintIndex(), Copies)));

        var complaints = await FileAllAtOnceAsync(driver);

        AssertOneOriginal(complaints, out var original);
        Assert.Equal(ComplaintStatus.Assigned, original.Status);
    }

    [Fact]
    public async Task Copies_filed_one_by_one_merge_into_the_first()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < Copies; i++)
        {
            ids.Add(await driver.FileAsync(Copy(i)));
            await driver.PassAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        }

        var complaints = new List<Complaint>();
        foreach (var id in ids)
        {
            complaints.Add(await driver.ComplaintAsync(id));
        }

        AssertOneOriginal(complaints, out var original);
        Assert.Equal(ids[0], original.Id.Value);
        Assert.Null(await driver.Flow.Services.GetRequiredService<IRestrictionStore>().FindActiveAsync("u-dup", driver.Time.GetUtcNow(), _ct));
    }

    private static void AssertOneOriginal(IReadOnlyList<Complaint> complaints, out Complaint original)
    {
        var notMerged = complaints.Where(c => c.Outcome != ComplaintOutcome.Merged).ToList();
        Assert.True(notMerged.Count == 1, $"Expected one original, got {notMerged.Count}: {string.Join("; ", notMerged.Select(c => $"{c.Id} {c.Status} {c.RejectionReason}"))}");
        var only = notMerged[0];
        Assert.All(complaints.Where(c => c != only), c => Assert.Equal(only.Id, c.DuplicateOf));
        original = only;
    }

    private async Task<IReadOnlyList<Complaint>> FileAllAtOnceAsync(WorkflowDriver driver)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, Copies).Select(i => driver.Flow.SubmitAsync(Copy(i), _ct)));
        await driver.SettleAsync();
        var complaints = new List<Complaint>();
        foreach (var id in ids)
        {
            complaints.Add(await driver.ComplaintAsync(id));
        }

        return complaints;
    }

    private static ComplaintSubmission Copy(int i) =>
        ComplaintBuilder.Chinese().ForCustomer("u-dup").WithExternalId($"dup-{i}").WithDescription(Variants[i % Variants.Length]).Submission();

    /// <summary>
    /// Holds each of the first <paramref name="readers"/> reads of a customer's originals until all of them have read, so
    /// every decision starts from the same state (a safety valve lets them go after a minute rather than hang a broken run).
    /// </summary>
    private sealed class ReadersMeet(IComplaintIndex inner, int readers) : IComplaintIndex
    {
        private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public async Task<CustomerOriginals> OriginalsAsync(string customerId, CancellationToken cancellationToken = default)
        {
            var read = await inner.OriginalsAsync(customerId, cancellationToken);
            var number = Interlocked.Increment(ref _reads);
            if (number == readers)
            {
                _allRead.TrySetResult();
            }

            if (number <= readers)
            {
                await Task.WhenAny(_allRead.Task, Task.Delay(TimeSpan.FromMinutes(1), cancellationToken));
            }

            return read;
        }

        public Task RecordAsync(ComplaintIndexEntry entry, CancellationToken cancellationToken = default) => inner.RecordAsync(entry, cancellationToken);

        public Task<IReadOnlyList<ComplaintIndexEntry>> RecentByTextAsync(string textFingerprint, DateTimeOffset since, CancellationToken cancellationToken = default) =>
            inner.RecentByTextAsync(textFingerprint, since, cancellationToken);

        public Task<bool> TryAddOriginalAsync(CustomerOriginals read, ComplaintIndexEntry entry, DateTimeOffset keepSince, CancellationToken cancellationToken = default) =>
            inner.TryAddOriginalAsync(read, entry, keepSince, cancellationToken);
    }
}
