using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// The ops pages on <see cref="PageLayout"/>: a navigation bar (pages, language switch, sign-out) and the ops
/// stylesheet, a static file of this host (<see cref="OpsAssets"/>), for the wider tables and the charts. The policy is
/// the pages' one plus styles from this host; the dashboard alone adds scripts from this host (chart.js and its own
/// file), never an inline one.
/// </summary>
public static class OpsLayout
{
    /// <summary>The pages' policy plus this host's stylesheet.</summary>
    public static string ContentSecurityPolicy { get; } =
        PageLayout.ContentSecurityPolicy.Replace("style-src ", "style-src 'self' ", StringComparison.Ordinal);

    /// <summary>The dashboard's policy: also scripts from this host, and nothing inline.</summary>
    public static string ScriptPolicy { get; } = ContentSecurityPolicy + "; script-src 'self'";

    public enum Section
    {
        None,
        Dashboard,
        Queue,
        Restrictions,
    }

    /// <summary>An ops page; <paramref name="body"/> is already-encoded HTML, <paramref name="scripts"/> paths of this host's scripts.</summary>
    public static IResult Page(int status, Locale locale, HttpRequest request, string title, Section section, string body, params string[] scripts)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = OpsText.For(locale);
        var html = new StringBuilder();
        html.Append("<link rel=\"stylesheet\" href=\"").Append(OpsAssets.Path(OpsAssets.Stylesheet)).Append("\">");
        if (section != Section.None)
        {
            var lang = OpsAccess.LanguageQuery(request);
            string Link(Section target, string path, string name) =>
                $"<a href=\"{Html.Encode(path + (lang.Length > 0 ? "?" + lang : string.Empty))}\"{(target == section ? " aria-current=\"page\"" : string.Empty)}>{Html.Encode(name)}</a>";
            var other = request.Path + QueryWith(request, OpsAccess.LanguageParameter, text.OtherLanguageCode);
            html.Append("<nav class=\"ops\" aria-label=\"").Append(Html.Encode(text.Nav)).Append("\">")
                .Append(Link(Section.Dashboard, "/dashboard", text.Dashboard))
                .Append(Link(Section.Queue, "/queue", text.Queue))
                .Append(Link(Section.Restrictions, "/restrictions", text.Restrictions))
                .Append("<a class=\"lang\" lang=\"").Append(text.OtherLanguageCode == "zh" ? "zh-CN" : "en").Append("\" href=\"").Append(Html.Encode(other)).Append("\">")
                .Append(Html.Encode(text.OtherLanguage)).Append("</a>")
                .Append("<form method=\"post\" action=\"").Append(OpsAccess.SignOutPath).Append("\"><button type=\"submit\" class=\"link\">")
                .Append(Html.Encode(text.SignOut)).Append("</button></form></nav>");
        }

        html.Append(body);
        foreach (var script in scripts)
        {
            html.Append("<script src=\"").Append(Html.Encode(script)).Append("\" defer></script>");
        }

        return PageLayout.Page(status, locale, title, html.ToString(), scripts.Length > 0 ? ScriptPolicy : ContentSecurityPolicy);
    }

    /// <summary>A page with one message (a refused form, a wrong address).</summary>
    public static IResult Message(int status, Locale locale, HttpRequest request, string title, string message, string kind = "error") =>
        Page(status, locale, request, title, Section.None, $"<section class=\"card {kind}\" role=\"alert\"><p>{Html.Encode(message)}</p></section>");

    /// <summary>The request's query with <paramref name="name"/> set to <paramref name="value"/>, e.g. <c>?month=2026-11&amp;lang=zh</c>.</summary>
    public static string QueryWith(HttpRequest request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = request.Query.Where(q => !string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        return "?" + string.Join('&', pairs);
    }
}
