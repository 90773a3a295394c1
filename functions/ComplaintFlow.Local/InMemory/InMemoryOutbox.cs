using System.Collections.Concurrent;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Email;

namespace ComplaintFlow.Local.InMemory;

/// <summary>The outbox in memory: keeps every email sent (the first of each message id), newest first when listed.</summary>
public sealed class InMemoryOutbox(TimeProvider time) : IEmailSender, IOutboxReader
{
    private readonly ConcurrentDictionary<string, OutboxEntry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        _entries.TryAdd(message.MessageId, new OutboxEntry(message, time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, string? to = null, string? complaintId = null, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Values
            .Where(e => (to is null || string.Equals(e.Message.To, to, StringComparison.OrdinalIgnoreCase)) && (complaintId is null || e.Message.ComplaintId == complaintId))
            .OrderByDescending(e => e.StoredAt)
            .ThenByDescending(e => e.Message.MessageId, StringComparer.Ordinal)
            .Take(max)]);

    public Task<OutboxEntry?> GetAsync(string messageId, CancellationToken ct = default) => Task.FromResult(_entries.GetValueOrDefault(messageId));
}
