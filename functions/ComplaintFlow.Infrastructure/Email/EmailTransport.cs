namespace ComplaintFlow.Infrastructure.Email;

/// <summary>How emails leave the system.</summary>
public enum EmailTransport
{
    /// <summary>Stored in Table Storage and browsable at <c>/outbox</c>; nothing is sent. The default.</summary>
    Outbox,

    /// <summary>Sent through an SMTP server (<see cref="EmailOptions.Smtp"/>) with MailKit.</summary>
    Smtp,

    /// <summary>Sent through the Azure Communication Services Email REST API (<see cref="EmailOptions.Acs"/>) by <see cref="AcsEmailSender"/>.</summary>
    Acs,
}
