using System.Collections.Concurrent;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Infrastructure.Email;

namespace ComplaintFlow.Local.InMemory;

/// <summary>
/// The outbox in memory: keeps every email sent (the first of each message id), newest first when listed. Emails stored
/// at the same instant (common on a fake clock, where a whole workflow step takes no time) list in the order they were sent.
/// </summary>
public sealed class InMemoryOutbox(TimeProvider time) : IEmailSender, IOutboxReader, IPersonalDataHolder
{
    private readonly ConcurrentDictionary<string, Stored> _entries = new(StringComparer.Ordinal);
    private long _sent;

    public int Count => _entries.Count;

    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_entries.ContainsKey(message.MessageId))
        {
            _entries.TryAdd(message.MessageId, new Stored(new OutboxEntry(message, time.GetUtcNow()), Interlocked.Increment(ref _sent)));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, string? to = null, string? complaintId = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Values
            .Where(s => (to is null || string.Equals(s.Entry.Message.To, to, StringComparison.OrdinalIgnoreCase)) && (complaintId is null || s.Entry.Message.ComplaintId == complaintId))
            .OrderByDescending(s => s.Entry.StoredAt)
            .ThenByDescending(s => s.Sequence)
            .Take(max)
            .Select(s => s.Entry)]);

    public Task<OutboxEntry?> GetAsync(string messageId, CancellationToken ct = default) => Task.FromResult(_entries.TryGetValue(messageId, out var stored) ? stored.Entry : null);

    public Task EraseComplaintAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        foreach (var (id, stored) in _entries)
        {
            if (stored.Entry.Message.ComplaintId == complaint.Id.Value)
            {
                _entries.TryRemove(id, out _);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Stored(OutboxEntry Entry, long Sequence);
}
