namespace ComplaintFlow.Infrastructure.Email;

/// <summary>Reads the emails the outbox kept: for the local host's <c>/outbox</c> pages and for tests that follow the links.</summary>
public interface IOutboxReader
{
    /// <summary>
    /// The newest <paramref name="max"/> emails, newest first; only those to <paramref name="to"/> (case-insensitive)
    /// and/or about <paramref name="complaintId"/> when given.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, string? to = null, string? complaintId = null, CancellationToken ct = default);

    /// <summary>One email by its <see cref="Core.Notifications.EmailMessage.MessageId"/>; null when there is none.</summary>
    Task<OutboxEntry?> GetAsync(string messageId, CancellationToken ct = default);
}
