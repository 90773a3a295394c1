using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ComplaintFlow.Core.Complaints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// Who may see the ops pages and in which language: the <see cref="OpsSession"/> cookie for the configured key, a form
/// token for the pages' posts (an HMAC of the session cookie under the key, so a page of another site cannot forge
/// one), and the language from <c>?lang=zh|en</c>, else <c>Accept-Language</c>, else English.
/// </summary>
public sealed class OpsAccess(IOptions<OpsOptions> options)
{
    public const string LanguageParameter = "lang";
    public const string TokenField = "csrf";
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    private static readonly byte[] TokenLabel = Encoding.UTF8.GetBytes("ComplaintFlow ops form v1:");

    private string Key => options.Value.Key;

    /// <summary>True when an ops key is configured at all.</summary>
    public bool Configured => !string.IsNullOrEmpty(Key);

    public bool IsSignedIn(HttpRequest request) => Configured && OpsSession.IsSignedIn(request, Key);

    public bool IsKey(string? entered) => OpsSession.IsKey(entered, Key);

    public void SignIn(HttpContext context) => OpsSession.SignIn(context, Key);

    /// <summary>The form token of the signed-in browser.</summary>
    public string FormToken()
    {
        byte[] message = [.. TokenLabel, .. Encoding.ASCII.GetBytes(OpsSession.CookieValue(Key))];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), message);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>True when the request is signed in and <paramref name="token"/> is its form token, compared in constant time.</summary>
    public bool IsFormToken(HttpRequest request, string? token) =>
        IsSignedIn(request) && !string.IsNullOrEmpty(token) &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(FormToken()));

    /// <summary>The language asked for: <c>?lang=</c>, else the first of <c>Accept-Language</c> (by quality) we speak, else English.</summary>
    public static Locale LocaleOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ExplicitLocale(request) is { } chosen)
        {
            return chosen;
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in accepted.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.ToString();
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Locale.Zh;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Locale.En;
            }
        }

        return Locale.En;
    }

    /// <summary>The language named by <c>?lang=zh|en</c>, or null when none (or another) was given.</summary>
    public static Locale? ExplicitLocale(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[LanguageParameter].ToString().ToUpperInvariant() switch
        {
            "ZH" or "ZH-CN" => Locale.Zh,
            "EN" => Locale.En,
            _ => null,
        };
    }

    /// <summary>
    /// What every ops page checks first: a browser not signed in goes to the sign-in form (to come back after), and a
    /// <c>?lang=</c> we do not speak gets a 400 page. Null when the page may go on.
    /// </summary>
    public IResult? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsSignedIn(request))
        {
            return ToSignIn(request);
        }

        if (UnknownLanguage(request))
        {
            var locale = LocaleOf(request);
            var text = OpsText.For(locale);
            return OpsLayout.Message(StatusCodes.Status400BadRequest, locale, request, text.BadInputTitle, text.LanguageInvalid);
        }

        return null;
    }

    /// <summary>True when <c>?lang=</c> was given with a value we do not speak.</summary>
    public static bool UnknownLanguage(HttpRequest request) =>
        request.Query.ContainsKey(LanguageParameter) && ExplicitLocale(request) is null;

    /// <summary>The query suffix that keeps an explicitly chosen language on links (<c>lang=zh</c>), or empty.</summary>
    public static string LanguageQuery(HttpRequest request) =>
        ExplicitLocale(request) is { } l ? $"{LanguageParameter}={(l == Locale.Zh ? "zh" : "en")}" : string.Empty;

    /// <summary>Sends a browser that is not signed in to the sign-in form, to come back here after (303).</summary>
    public static IResult ToSignIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = request.Path.ToString() + request.QueryString.ToString();
        var lang = LanguageQuery(request);
        var location = $"{SignInPath}?{OpsSignIn.ReturnField}={Uri.EscapeDataString(back)}{(lang.Length > 0 ? "&" + lang : string.Empty)}";
        return new SeeOther(location);
    }
}
