using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>An email kept in the outbox and when it was first stored.</summary>
public sealed record OutboxEntry(EmailMessage Message, DateTimeOffset StoredAt);
