namespace ComplaintFlow.Core.Links;

/// <summary>Makes the signed, expiring links that emails carry (the Infrastructure signs them; Core only asks).</summary>
public interface IActionLinks
{
    /// <summary>The agent's decision page for <paramref name="generation"/> (see <c>LinkGeneration.ForAssignment</c>).</summary>
    Uri ForAgentDecision(string complaintId, string agentId, int generation);

    /// <summary>The customer's confirmation page for round <paramref name="generation"/>.</summary>
    Uri ForCustomerConfirmation(string complaintId, int generation);

    /// <summary>The customer's "add information" page for <paramref name="generation"/>.</summary>
    Uri ForCustomerInformation(string complaintId, int generation);
}
