using ComplaintFlow.Core.Links;

namespace ComplaintFlow.Infrastructure.Links;

/// <summary>The Core's link port, served by signed action tokens.</summary>
public sealed class ActionLinks(ActionTokenService tokens) : IActionLinks
{
    public Uri ForAgentDecision(string complaintId, string agentId, int generation) =>
        tokens.LinkFor(tokens.Issue(complaintId, ActionPurpose.AgentDecision, agentId, generation));

    public Uri ForCustomerConfirmation(string complaintId, int generation) =>
        tokens.LinkFor(tokens.Issue(complaintId, ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient, generation));

    public Uri ForCustomerInformation(string complaintId, int generation) =>
        tokens.LinkFor(tokens.Issue(complaintId, ActionPurpose.CustomerInformation, ActionClaims.CustomerRecipient, generation));
}
