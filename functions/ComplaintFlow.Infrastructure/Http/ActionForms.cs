using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Infrastructure.Http.Pages;
using ComplaintFlow.Infrastructure.Links;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>Reads a posted action form into the workflow event it raises, or the messages to show next to the form.</summary>
public static class ActionForms
{
    public static readonly IReadOnlyList<(string Value, AgentDecisionKind Kind)> AgentChoices =
    [
        ("resolve", AgentDecisionKind.Resolve),
        ("reject", AgentDecisionKind.Reject),
        ("request-info", AgentDecisionKind.RequestInfo),
        ("escalate", AgentDecisionKind.Escalate),
        ("reassign", AgentDecisionKind.Reassign),
    ];

    public static readonly IReadOnlyList<(string Value, Compensation Kind)> Compensations =
    [
        ("none", Compensation.None),
        ("refund", Compensation.Refund),
        ("coupon", Compensation.Coupon),
        ("replacement", Compensation.Replacement),
    ];

    /// <returns>The event name, its payload and a one-line summary for the ledger; or the errors.</returns>
    public static (string? EventName, object? Payload, string? Summary, IReadOnlyList<string> Errors) Read(ActionClaims claims, ActionForm form, ActionText text)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        var body = Clean(form.Text);
        var comment = Clean(form.Comment);
        if (body?.Length > ActionEndpoint.MaxTextLength || comment?.Length > ActionEndpoint.MaxTextLength)
        {
            errors.Add(string.Format(CultureInfo.InvariantCulture, text.TooLong, ActionEndpoint.MaxTextLength));
        }

        switch (claims.Purpose)
        {
            case ActionPurpose.AgentDecision:
                {
                    var choice = AgentChoices.FirstOrDefault(c => c.Value == form.Choice);
                    if (choice.Value is null)
                    {
                        errors.Add(text.ChooseOne);
                        return (null, null, null, errors);
                    }

                    if (choice.Kind is AgentDecisionKind.Resolve or AgentDecisionKind.Reject or AgentDecisionKind.RequestInfo && body is null)
                    {
                        errors.Add(text.TextRequired);
                    }

                    var compensation = choice.Kind == AgentDecisionKind.Resolve
                        ? Compensations.FirstOrDefault(c => c.Value == form.Compensation).Kind
                        : Compensation.None;
                    var decision = new AgentDecision(choice.Kind, claims.Recipient, claims.Generation, body, compensation);
                    var done = text.DecisionDone(choice.Kind);
                    var summary = body is null ? done : $"{done}{text.Colon}{Shorten(body)}";
                    return (WorkflowNames.Events.AgentDecision, decision, summary, errors);
                }

            case ActionPurpose.CustomerConfirmation:
                {
                    bool? satisfied = form.Choice switch { "satisfied" => true, "not-satisfied" => false, _ => null };
                    if (satisfied is null)
                    {
                        errors.Add(text.ChooseOne);
                    }

                    int? rating = null;
                    if (!string.IsNullOrWhiteSpace(form.Rating))
                    {
                        if (int.TryParse(form.Rating, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5)
                        {
                            rating = r;
                        }
                        else
                        {
                            errors.Add(text.RatingRange);
                        }
                    }

                    var confirmation = new CustomerConfirmation(satisfied ?? false, claims.Generation, rating, comment);
                    var summary = (satisfied == true ? text.Satisfied : text.NotSatisfied) + (rating is null ? string.Empty : $" ({rating}/5)");
                    return (WorkflowNames.Events.CustomerConfirmation, confirmation, summary, errors);
                }

            default:
                {
                    if (body is null)
                    {
                        errors.Add(text.InformationRequired);
                    }

                    return (WorkflowNames.Events.CustomerInfoProvided, new CustomerInfoProvided(body ?? string.Empty, claims.Generation), Shorten(body ?? string.Empty), errors);
                }
        }
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static string Shorten(string text) => text.Length <= 140 ? text : string.Concat(text.AsSpan(0, 139), "…");
}
