using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// <c>GET /signin?returnTo=</c> shows the <see cref="OpsSignIn"/> form, <c>POST /signin</c> checks the key and sets the
/// session cookie, <c>POST /signout</c> clears it. The key travels only in the posted form, never in a URL.
/// </summary>
public sealed class OpsSignInPage(OpsAccess access)
{
    public IResult Form(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var locale = OpsAccess.LocaleOf(context.Request);
        if (!access.Configured)
        {
            return NotConfigured(context.Request);
        }

        return OpsSignIn.Form(locale, Action(context.Request), context.Request.Query[OpsSignIn.ReturnField].ToString());
    }

    public async Task<IResult> SubmitAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!access.Configured)
        {
            return NotConfigured(context.Request);
        }

        var locale = OpsAccess.LocaleOf(context.Request);
        var action = Action(context.Request);
        if (!context.Request.HasFormContentType)
        {
            return OpsSignIn.Form(locale, action, null, wrongKey: true);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnTo = OpsSignIn.SafeReturn(form[OpsSignIn.ReturnField].ToString());
        if (!access.IsKey(form[OpsSignIn.KeyField].ToString()))
        {
            return OpsSignIn.Form(locale, action, returnTo, wrongKey: true);
        }

        access.SignIn(context);
        return new SeeOther(returnTo);
    }

    public static IResult SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(OpsSession.CookieName, OpsSession.CookieOptions(context.Request));
        var lang = OpsAccess.LanguageQuery(context.Request);
        return new SeeOther(OpsAccess.SignInPath + (lang.Length > 0 ? "?" + lang : string.Empty));
    }

    private static string Action(HttpRequest request)
    {
        var lang = OpsAccess.LanguageQuery(request);
        return OpsAccess.SignInPath + (lang.Length > 0 ? "?" + lang : string.Empty);
    }

    private static IResult NotConfigured(HttpRequest request)
    {
        var locale = OpsAccess.LocaleOf(request);
        var text = OpsText.For(locale);
        return PageLayout.Message(StatusCodes.Status503ServiceUnavailable, locale, text.NotConfiguredTitle, text.NotConfigured, "error");
    }
}
