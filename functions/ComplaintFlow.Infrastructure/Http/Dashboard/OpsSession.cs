using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>
/// The sign-in of the ops pages (<c>/dashboard</c>, <c>/queue</c>, <c>/restrictions</c>): the ops key is entered once on
/// a form, and the browser then keeps a cookie holding an HMAC of a fixed label under that key, never the key itself.
/// The cookie is HttpOnly, SameSite=Strict and Secure when the request came over https; it is compared in constant time,
/// and changing the key signs every browser out.
/// </summary>
public static class OpsSession
{
    public const string CookieName = "cf-ops";

    private static readonly byte[] Label = Encoding.UTF8.GetBytes("ComplaintFlow ops session v1");

    /// <summary>The cookie value for <paramref name="opsKey"/>: base64url of HMAC-SHA256(key, label).</summary>
    public static string CookieValue(string opsKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(opsKey);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(opsKey), Label);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>True when <paramref name="entered"/> is the ops key, compared in constant time.</summary>
    public static bool IsKey(string? entered, string opsKey) =>
        !string.IsNullOrEmpty(entered) && !string.IsNullOrEmpty(opsKey) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(entered), Encoding.UTF8.GetBytes(opsKey));

    /// <summary>True when the request carries the session cookie for <paramref name="opsKey"/>.</summary>
    public static bool IsSignedIn(HttpRequest request, string opsKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(opsKey) || !request.Cookies.TryGetValue(CookieName, out var sent) || string.IsNullOrEmpty(sent))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), Encoding.ASCII.GetBytes(CookieValue(opsKey)));
    }

    /// <summary>Sets the session cookie on the response after a correct key was entered.</summary>
    public static void SignIn(HttpContext context, string opsKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, CookieValue(opsKey), CookieOptions(context.Request));
    }

    /// <summary>The cookie's attributes: HttpOnly, SameSite=Strict, path /, Secure when the request was https.</summary>
    public static CookieOptions CookieOptions(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
            IsEssential = true,
        };
    }
}
