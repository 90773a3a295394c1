using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Links;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Pages;

/// <summary>The decision, confirmation and information forms behind emailed links.</summary>
public static class ActionPages
{
    /// <summary>The form page; deadlines are shown in <paramref name="timeZone"/>, the business calendar's IANA zone.</summary>
    public static IResult Form(int status, ActionClaims claims, Complaint complaint, string csrf, ActionForm form, IReadOnlyList<string> errors, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(form);
        var locale = complaint.Customer.Locale;
        var text = ActionText.For(locale);
        var html = new StringBuilder();
        if (errors.Count > 0)
        {
            html.Append("<section class=\"card error\" role=\"alert\"><p class=\"errors\">").Append(Html.Encode(text.FixErrors)).Append("</p><ul>");
            foreach (var error in errors)
            {
                html.Append("<li>").Append(Html.Encode(error)).Append("</li>");
            }

            html.Append("</ul></section>");
        }

        Summary(html, claims.Purpose, complaint, text, timeZone);
        html.Append("<form method=\"post\" class=\"card\">");
        html.Append("<input type=\"hidden\" name=\"csrf\" value=\"").Append(Html.Encode(csrf)).Append("\">");
        var title = claims.Purpose switch
        {
            ActionPurpose.AgentDecision => AgentForm(html, form, text),
            ActionPurpose.CustomerConfirmation => ConfirmationForm(html, complaint, form, text),
            _ => InformationForm(html, complaint, form, text),
        };
        html.Append("</form>");
        return PageLayout.Page(status, locale, title, html.ToString());
    }

    private static void Summary(StringBuilder html, ActionPurpose purpose, Complaint complaint, ActionText text, string zone)
    {
        var locale = complaint.Customer.Locale;
        html.Append("<section class=\"card\" aria-label=\"").Append(Html.Encode(text.Complaint)).Append("\"><dl>");
        Row(html, text.Complaint, complaint.Id.Value);
        Row(html, text.Subject, complaint.Subject);
        if (purpose == ActionPurpose.AgentDecision)
        {
            Row(html, text.Customer, complaint.Customer.Name);
            Row(html, text.Category, complaint.Category is { } c ? EmailFormat.CategoryName(c, locale) : null);
            Row(html, text.Severity, complaint.Severity is { } s ? EmailFormat.SeverityName(s, locale) : null);
            Row(html, text.ResponseDue, complaint.FirstResponseDue is { } f ? EmailFormat.Date(f, locale, zone) : null);
            Row(html, text.ResolutionDue, complaint.ResolutionDue is { } r ? EmailFormat.Date(r, locale, zone) : null);
            Row(html, text.Tier, EmailFormat.TierName(complaint.EscalationTier, locale));
            Row(html, text.Round, complaint.Round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        html.Append("</dl><h2>").Append(Html.Encode(text.Description)).Append("</h2><blockquote>").Append(Html.Encode(complaint.Description)).Append("</blockquote>");
        html.Append("</section>");
        if (purpose == ActionPurpose.AgentDecision)
        {
            History(html, complaint, text);
        }
    }

    /// <summary>
    /// Earlier rounds (what was proposed, the compensation, the customer's rating and reason for turning it down) and
    /// every question asked with its answer: what the next decision has to build on.
    /// </summary>
    private static void History(StringBuilder html, Complaint complaint, ActionText text)
    {
        var asked = complaint.QuestionsAndAnswers();
        if (complaint.EarlierRounds.Count == 0 && asked.Count == 0)
        {
            return;
        }

        var locale = complaint.Customer.Locale;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        html.Append("<section class=\"card\" aria-labelledby=\"history\"><h2 id=\"history\">").Append(Html.Encode(text.History)).Append("</h2>");
        foreach (var earlier in complaint.EarlierRounds)
        {
            var round = earlier.Round.ToString(culture);
            var label = earlier.Resolution.Kind == AgentDecisionKind.Reject ? text.RoundRejection : text.RoundResolution;
            html.Append("<h3>").Append(Html.Encode(string.Format(culture, label, round))).Append("</h3><blockquote>").Append(Html.Encode(earlier.Resolution.Text)).Append("</blockquote><dl>");
            Row(html, text.Offered, earlier.Resolution.Compensation == Compensation.None ? null : EmailFormat.CompensationName(earlier.Resolution.Compensation, locale));
            Row(html, text.CustomerRating, earlier.Verdict.Rating is { } rating ? rating.ToString(culture) + "/5" : text.NoRating);
            html.Append("</dl>");
            if (!string.IsNullOrWhiteSpace(earlier.Verdict.Comment))
            {
                html.Append("<h3>").Append(Html.Encode(string.Format(culture, text.RoundComment, round))).Append("</h3><blockquote>").Append(Html.Encode(earlier.Verdict.Comment)).Append("</blockquote>");
            }
        }

        foreach (var qa in asked)
        {
            html.Append("<h3>").Append(Html.Encode(text.QuestionAsked)).Append("</h3><blockquote>").Append(Html.Encode(qa.Question)).Append("</blockquote>")
                .Append("<h3>").Append(Html.Encode(text.CustomerAnswer)).Append("</h3><blockquote>").Append(Html.Encode(qa.Answer ?? text.NotAnswered)).Append("</blockquote>");
        }

        html.Append("</section>");
    }

    private static string AgentForm(StringBuilder html, ActionForm form, ActionText text)
    {
        html.Append("<fieldset><legend>").Append(Html.Encode(text.YourDecision)).Append("</legend>");
        var labels = new Dictionary<string, string>
        {
            ["resolve"] = text.Resolve,
            ["reject"] = text.Reject,
            ["request-info"] = text.RequestInfo,
            ["escalate"] = text.Escalate,
            ["reassign"] = text.Reassign,
        };
        foreach (var (value, _) in ActionForms.AgentChoices)
        {
            Choice(html, "choice", value, labels[value], form.Choice == value);
        }

        html.Append("</fieldset>");
        html.Append("<label class=\"field\" for=\"text\">").Append(Html.Encode(text.Text)).Append("</label>");
        html.Append("<p class=\"hint\" id=\"text-hint\">").Append(Html.Encode(text.TextHint)).Append("</p>");
        html.Append("<textarea id=\"text\" name=\"text\" aria-describedby=\"text-hint\" maxlength=\"").Append(ActionEndpoint.MaxTextLength).Append("\">").Append(Html.Encode(form.Text)).Append("</textarea>");
        html.Append("<label class=\"field\" for=\"compensation\">").Append(Html.Encode(text.Compensation)).Append("</label><select id=\"compensation\" name=\"compensation\">");
        foreach (var (value, kind) in ActionForms.Compensations)
        {
            html.Append("<option value=\"").Append(value).Append('"').Append(form.Compensation == value ? " selected" : string.Empty).Append('>')
                .Append(Html.Encode(EmailFormat.CompensationName(kind, text == ActionText.Chinese ? Locale.Zh : Locale.En))).Append("</option>");
        }

        html.Append("</select><button type=\"submit\">").Append(Html.Encode(text.Submit)).Append("</button>");
        return text.DecisionTitle;
    }

    private static string ConfirmationForm(StringBuilder html, Complaint complaint, ActionForm form, ActionText text)
    {
        var locale = complaint.Customer.Locale;
        if (complaint.Resolution is { } resolution)
        {
            html.Append("<h2>").Append(Html.Encode(text.Outcome)).Append("</h2><blockquote>").Append(Html.Encode(resolution.Text)).Append("</blockquote>");
            if (resolution.Compensation != Compensation.None)
            {
                html.Append("<p>").Append(Html.Encode(text.Offered)).Append(": ").Append(Html.Encode(EmailFormat.CompensationName(resolution.Compensation, locale))).Append("</p>");
            }
        }

        html.Append("<fieldset><legend>").Append(Html.Encode(text.ConfirmationTitle)).Append("</legend>");
        Choice(html, "choice", "satisfied", text.Satisfied, form.Choice == "satisfied");
        Choice(html, "choice", "not-satisfied", text.NotSatisfied, form.Choice == "not-satisfied");
        html.Append("</fieldset><fieldset><legend>").Append(Html.Encode(text.Rating)).Append("</legend><div class=\"stars\">");
        for (var star = 1; star <= 5; star++)
        {
            var value = star.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Choice(html, "rating", value, value + " ★", form.Rating == value);
        }

        html.Append("</div></fieldset>");
        html.Append("<label class=\"field\" for=\"comment\">").Append(Html.Encode(text.Comment)).Append("</label>");
        html.Append("<textarea id=\"comment\" name=\"comment\" maxlength=\"").Append(ActionEndpoint.MaxTextLength).Append("\">").Append(Html.Encode(form.Comment)).Append("</textarea>");
        html.Append("<button type=\"submit\">").Append(Html.Encode(text.Send)).Append("</button>");
        return text.ConfirmationTitle;
    }

    private static string InformationForm(StringBuilder html, Complaint complaint, ActionForm form, ActionText text)
    {
        if (complaint.PendingQuestion is { } question)
        {
            html.Append("<h2>").Append(Html.Encode(text.Question)).Append("</h2><blockquote>").Append(Html.Encode(question)).Append("</blockquote>");
        }

        html.Append("<label class=\"field\" for=\"text\">").Append(Html.Encode(text.YourAnswer)).Append("</label>");
        html.Append("<textarea id=\"text\" name=\"text\" required maxlength=\"").Append(ActionEndpoint.MaxTextLength).Append("\">").Append(Html.Encode(form.Text)).Append("</textarea>");
        html.Append("<button type=\"submit\">").Append(Html.Encode(text.Send)).Append("</button>");
        return text.InformationTitle;
    }

    private static void Row(StringBuilder html, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd>");
        }
    }

    private static void Choice(StringBuilder html, string name, string value, string label, bool selected) =>
        html.Append("<label class=\"choice\"><input type=\"radio\" name=\"").Append(name).Append("\" value=\"").Append(value).Append('"')
            .Append(selected ? " checked" : string.Empty).Append("> <span>").Append(Html.Encode(label)).Append("</span></label>");
}
