using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// The sign-in form of the ops pages: the ops key is typed once into a password field and posted (never put in a URL);
/// a right key sets the <see cref="OpsSession"/> cookie and sends the browser back to the page it came from, a wrong
/// one shows the form again with the field named.
/// </summary>
public static class OpsSignIn
{
    public const string KeyField = "key";
    public const string ReturnField = "returnTo";

    /// <summary>The form; <paramref name="action"/> is the path it posts to, <paramref name="returnTo"/> where to go after.</summary>
    public static IResult Form(Locale locale, string action, string? returnTo, bool wrongKey = false)
    {
        var zh = locale == Locale.Zh;
        var error = wrongKey
            ? $"<p class=\"errors\" role=\"alert\" id=\"key-error\">{Html.Encode(zh ? "运维密钥不正确。" : "That is not the ops key.")}</p>"
            : string.Empty;
        var body =
            $"<form class=\"card\" method=\"post\" action=\"{Html.Encode(action)}\">{error}" +
            $"<label class=\"field\" for=\"key\">{Html.Encode(zh ? "运维密钥" : "Ops key")}</label>" +
            $"<input id=\"key\" name=\"{KeyField}\" type=\"password\" autocomplete=\"current-password\" required{(wrongKey ? " aria-invalid=\"true\" aria-describedby=\"key-error\"" : string.Empty)}>" +
            $"<input type=\"hidden\" name=\"{ReturnField}\" value=\"{Html.Encode(SafeReturn(returnTo))}\">" +
            $"<button type=\"submit\">{Html.Encode(zh ? "登录" : "Sign in")}</button></form>";
        return PageLayout.Page(
            wrongKey ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK, locale, zh ? "运维登录" : "Ops sign-in", body);
    }

    /// <summary>Handles the posted form: on the right key sets the cookie and redirects (303) to the safe return path.</summary>
    public static async Task<IResult> SubmitAsync(HttpContext context, string opsKey, Locale locale, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return Form(locale, action, null, wrongKey: true);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnTo = SafeReturn(form[ReturnField].ToString());
        if (!OpsSession.IsKey(form[KeyField].ToString(), opsKey))
        {
            return Form(locale, action, returnTo, wrongKey: true);
        }

        OpsSession.SignIn(context, opsKey);
        return new SeeOther(returnTo);
    }

    /// <summary>A local path to return to, or <c>/dashboard</c>: never another host (<c>//evil</c>, <c>/\evil</c>, absolute URLs).</summary>
    /// <remarks>Control characters and spaces are refused too: browsers drop tabs and newlines from a URL, so <c>/\t/evil</c> would become <c>//evil</c>.</remarks>
    public static string SafeReturn(string? returnTo) =>
        returnTo is { Length: > 0 } path && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) &&
        !path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? path
            : "/dashboard";
}
