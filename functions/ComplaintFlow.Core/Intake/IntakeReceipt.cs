namespace ComplaintFlow.Core.Intake;

/// <summary>The answer to an accepted complaint (HTTP 202 body).</summary>
/// <param name="ComplaintId">The new complaint's id.</param>
/// <param name="Status">Always <c>Received</c> at intake.</param>
/// <param name="StatusUrl">Where to read the complaint (<c>GET /api/complaints/{id}</c>).</param>
/// <param name="FirstResponseDue">
/// When the first response is due at the latest: from the severity the classifier gives the text (raised by the sender's
/// hint), counted from acceptance; the workflow's own deadline starts at assignment, so it is never earlier than this.
/// </param>
public sealed record IntakeReceipt(string ComplaintId, string Status, string StatusUrl, DateTimeOffset FirstResponseDue);
