namespace ComplaintFlow.Core.Notifications;

/// <summary>A rendered email: the subject line, the HTML part and the plain-text part (which carries every URL in full).</summary>
public sealed record EmailContent(string Subject, string Html, string Text);
