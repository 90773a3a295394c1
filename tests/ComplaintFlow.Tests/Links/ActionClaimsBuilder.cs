using System.Buffers.Text;
using System.Security.Cryptography;
using ComplaintFlow.Infrastructure.Links;

namespace ComplaintFlow.Tests.Links;

/// <summary>Claims as a verified token would carry them: <c>ActionClaimsBuilder.AgentDecision().ForComplaint(id).Build()</c>.</summary>
internal sealed class ActionClaimsBuilder
{
    private string _complaintId = "C-202611-02K7M3QX9A";
    private readonly ActionPurpose _purpose;
    private readonly string _recipient;
    private int _generation;
    private readonly string _nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private ActionClaimsBuilder(ActionPurpose purpose, string recipient)
    {
        _purpose = purpose;
        _recipient = recipient;
    }

    public static ActionClaimsBuilder AgentDecision(string agentId = "agent-zhang-wei") => new(ActionPurpose.AgentDecision, agentId);

    public static ActionClaimsBuilder CustomerConfirmation() => new(ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient);

    public ActionClaimsBuilder ForComplaint(string complaintId)
    {
        _complaintId = complaintId;
        return this;
    }

    public ActionClaimsBuilder ForGeneration(int generation)
    {
        _generation = generation;
        return this;
    }

    public ActionClaims Build() => new(_complaintId, _purpose, _recipient, _generation, TestLinks.Now.AddDays(7), _nonce);
}
