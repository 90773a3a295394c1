using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Links;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;

namespace ComplaintFlow.Core.Workflow.Activities;

/// <summary>
/// Writes and sends a complaint's emails: the shared model, the signed links for each purpose, and a message id
/// made from the step so an activity that runs twice sends (or stores) the email once where the transport allows.
/// </summary>
public sealed class ComplaintMailer(IEmailSender sender, IActionLinks links, WorkingHoursOptions hours)
{
    public EmailModel ModelFor(Complaint complaint, string? recipientName)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new EmailModel
        {
            ComplaintId = complaint.Id.Value,
            Locale = complaint.Customer.Locale,
            TimeZone = hours.TimeZone,
            RecipientName = recipientName,
            Subject = complaint.Subject,
            DescriptionExcerpt = EmailTemplates.Excerpt(complaint.Description),
            Category = complaint.Category,
            Severity = complaint.Severity,
            Tier = complaint.EscalationTier,
            Round = complaint.Round,
            FirstResponseDue = complaint.FirstResponseDue,
            ResolutionDue = complaint.ResolutionDue,
            EarlierRounds = complaint.EarlierRounds,
            QuestionsAndAnswers = complaint.QuestionsAndAnswers(),
        };
    }

    /// <summary>Emails the customer; false (nothing sent) when the customer left no email address.</summary>
    public async Task<bool> ToCustomerAsync(Complaint complaint, EmailKind kind, string stepId, EmailModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Customer.Email is not { } email)
        {
            return false;
        }

        await SendAsync(complaint, email, complaint.Customer.Name, kind, stepId, model, cancellationToken);
        return true;
    }

    public Task ToAgentAsync(Complaint complaint, Agent agent, EmailKind kind, string stepId, EmailModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return SendAsync(complaint, agent.Email, agent.Name, kind, stepId, model, cancellationToken);
    }

    /// <summary>The agent's decision link, and shortcuts that open it with a choice made.</summary>
    public IReadOnlyList<EmailLink> DecisionLinks(Complaint complaint, string agentId)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var url = links.ForAgentDecision(complaint.Id.Value, agentId, LinkGeneration.ForAssignment(complaint));
        return [EmailLink.Decide(complaint.Customer.Locale, url)];
    }

    /// <summary>"Satisfied" and "not satisfied": one single-use link, opened with the choice made.</summary>
    public IReadOnlyList<EmailLink> ConfirmationLinks(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var url = links.ForCustomerConfirmation(complaint.Id.Value, LinkGeneration.ForConfirmation(complaint.Round));
        return
        [
            EmailLink.Satisfied(complaint.Customer.Locale, WithChoice(url, "satisfied")),
            EmailLink.NotSatisfied(complaint.Customer.Locale, WithChoice(url, "not-satisfied")),
        ];
    }

    public IReadOnlyList<EmailLink> InformationLinks(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var url = links.ForCustomerInformation(complaint.Id.Value, LinkGeneration.ForAssignment(complaint));
        return [EmailLink.AddInformation(complaint.Customer.Locale, url)];
    }

    private async Task SendAsync(Complaint complaint, string to, string? toName, EmailKind kind, string stepId, EmailModel model, CancellationToken cancellationToken)
    {
        var content = EmailTemplates.Render(kind, model);
        var message = EmailMessage.Create(EmailMessage.IdFor(complaint.Id.Value, kind, stepId), to, toName, kind, complaint.Id.Value, content);
        await sender.SendAsync(message, cancellationToken);
    }

    private static Uri WithChoice(Uri url, string choice) => new(url.AbsoluteUri + (url.Query.Length == 0 ? "?" : "&") + "choice=" + choice);
}
