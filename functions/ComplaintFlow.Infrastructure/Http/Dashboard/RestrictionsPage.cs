using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// <c>GET /restrictions</c>: the abuse restrictions in force, newest first, each with a lift button;
/// <c>POST /restrictions/{key}/lift</c>: the button's form, refused (403) without the signed-in browser's form token,
/// then back to the list (303) saying what happened. Customers appear by their pseudonymous key only.
/// </summary>
public sealed class RestrictionsPage(OpsAccess access, IRestrictionStore restrictions, TimeProvider time, WorkingHoursOptions hours)
{
    public const string LiftedParameter = "lifted";

    public async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (access.Refusal(request) is { } refused)
        {
            return refused;
        }

        var locale = OpsAccess.LocaleOf(request);
        var text = OpsText.For(locale);

        var active = (await restrictions.ListActiveAsync(time.GetUtcNow(), cancellationToken)).OrderByDescending(r => r.Since).ToList();
        var lang = OpsAccess.LanguageQuery(request);
        var html = new StringBuilder();
        switch (request.Query[LiftedParameter].ToString())
        {
            case "1":
                html.Append("<section class=\"card notice\" role=\"status\"><p>").Append(Html.Encode(text.Lifted)).Append("</p></section>");
                break;
            case "0":
                html.Append("<section class=\"card warn\" role=\"status\"><p>").Append(Html.Encode(text.AlreadyEnded)).Append("</p></section>");
                break;
        }

        html.Append("<section class=\"card\"><p class=\"hint\">").Append(Html.Encode(text.RestrictionsIntro)).Append("</p>");
        if (active.Count == 0)
        {
            html.Append("<p>").Append(Html.Encode(text.NoRestrictions)).Append("</p>");
        }
        else
        {
            var token = access.FormToken();
            html.Append("<table class=\"rows\"><thead><tr><th scope=\"col\">").Append(Html.Encode(text.CustomerKey))
                .Append("</th><th scope=\"col\">").Append(Html.Encode(text.Reason))
                .Append("</th><th scope=\"col\">").Append(Html.Encode(text.Since))
                .Append("</th><th scope=\"col\">").Append(Html.Encode(text.Until))
                .Append("</th><th scope=\"col\"><span class=\"hint\">").Append(Html.Encode(text.Lift)).Append("</span></th></tr></thead><tbody>");
            foreach (var r in active)
            {
                var action = $"/restrictions/{Uri.EscapeDataString(r.Key)}/lift{(lang.Length > 0 ? "?" + lang : string.Empty)}";
                html.Append("<tr><td data-label=\"").Append(Html.Encode(text.CustomerKey)).Append("\"><code>").Append(Html.Encode(r.Key)).Append("</code>")
                    .Append("</td><td data-label=\"").Append(Html.Encode(text.Reason)).Append("\" lang=\"en\">").Append(Html.Encode(r.Reason))
                    .Append("</td><td data-label=\"").Append(Html.Encode(text.Since)).Append("\">").Append(Html.Encode(EmailFormat.Date(r.Since, locale, hours.TimeZone)))
                    .Append("</td><td data-label=\"").Append(Html.Encode(text.Until)).Append("\">").Append(Html.Encode(EmailFormat.Date(r.Until, locale, hours.TimeZone)))
                    .Append("</td><td><form class=\"inline\" method=\"post\" action=\"").Append(Html.Encode(action)).Append("\">")
                    .Append("<input type=\"hidden\" name=\"").Append(OpsAccess.TokenField).Append("\" value=\"").Append(Html.Encode(token)).Append("\">")
                    .Append("<button type=\"submit\" aria-label=\"").Append(Html.Encode(string.Format(CultureInfo.InvariantCulture, text.LiftLabel, r.Key))).Append("\">")
                    .Append(Html.Encode(text.Lift)).Append("</button></form></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
        return OpsLayout.Page(StatusCodes.Status200OK, locale, request, text.Restrictions, OpsLayout.Section.Restrictions, html.ToString());
    }

    public async Task<IResult> LiftAsync(HttpContext context, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var locale = OpsAccess.LocaleOf(request);
        var text = OpsText.For(locale);
        var token = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))[OpsAccess.TokenField].ToString() : null;
        if (!access.IsFormToken(request, token))
        {
            return OpsLayout.Message(StatusCodes.Status403Forbidden, locale, request, text.FormRefusedTitle, text.FormRefused);
        }

        var lifted = await restrictions.LiftAsync(key, time.GetUtcNow(), cancellationToken);
        var lang = OpsAccess.LanguageQuery(request);
        return new SeeOther($"/restrictions?{LiftedParameter}={(lifted ? 1 : 0)}{(lang.Length > 0 ? "&" + lang : string.Empty)}");
    }
}
