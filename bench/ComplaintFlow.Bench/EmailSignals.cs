using System.Collections.Concurrent;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Bench;

/// <summary>
/// The benchmark's mailbox on the real engine: counts every email by kind and tells whoever waits when a complaint's
/// first email of a kind went out, so the benchmark acts on an email as the agent or customer would (the escalation
/// email brings the lead's decision link, the outcome email the customer's). Passes each email on to
/// <paramref name="next"/> when given (the outbox table), else lets it go as a real transport does once it is sent.
/// </summary>
internal sealed class EmailSignals(IEmailSender? next, TimeProvider time) : IEmailSender
{
    private readonly ConcurrentDictionary<(string ComplaintId, EmailKind Kind), TaskCompletionSource<DateTimeOffset>> _first = new();
    private readonly int[] _sent = new int[Enum.GetValues<EmailKind>().Length];

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (next is not null)
        {
            await next.SendAsync(message, ct);
        }

        Interlocked.Increment(ref _sent[(int)message.Kind]);
        if (message.ComplaintId is { } id)
        {
            Signal(id, message.Kind).TrySetResult(time.GetUtcNow());
        }
    }

    /// <summary>When the first <paramref name="kind"/> email about <paramref name="complaintId"/> was sent.</summary>
    public Task<DateTimeOffset> FirstSentAsync(string complaintId, EmailKind kind) => Signal(complaintId, kind).Task;

    /// <summary>Emails of <paramref name="kind"/> sent so far.</summary>
    public int Sent(EmailKind kind) => Volatile.Read(ref _sent[(int)kind]);

    // Continuations run off the activity that sent the email, so the benchmark's reaction never holds up the workflow.
    private TaskCompletionSource<DateTimeOffset> Signal(string complaintId, EmailKind kind) =>
        _first.GetOrAdd((complaintId, kind), _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));
}
