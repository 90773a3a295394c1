namespace ComplaintFlow.Tests.Conformance;

/// <summary>Who an email went to, as the person reading the outbox would say it.</summary>
public enum Recipient
{
    /// <summary>The customer who filed the complaint.</summary>
    Customer,

    /// <summary>An agent of the team the complaint was routed to (tier 1).</summary>
    Agent,

    /// <summary>That team's lead (tier 2).</summary>
    Lead,

    /// <summary>The complaints manager (tier 3).</summary>
    Manager,

    /// <summary>Anyone else: a bug in whichever runtime sent it.</summary>
    Other,
}
