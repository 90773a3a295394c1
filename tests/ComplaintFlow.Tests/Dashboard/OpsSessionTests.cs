using ComplaintFlow.Infrastructure.Http.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ComplaintFlow.Tests.Dashboard;

public sealed class OpsSessionTests
{
    private const string Key = "ops-key-for-tests";

    [Fact]
    public void Sign_in_sets_an_HttpOnly_strict_cookie_that_does_not_hold_the_key()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";

        OpsSession.SignIn(context, Key);

        var setCookie = SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString());
        Assert.Equal(OpsSession.CookieName, setCookie.Name.ToString());
        Assert.True(setCookie.HttpOnly);
        Assert.True(setCookie.Secure);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, setCookie.SameSite);
        Assert.DoesNotContain(Key, context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cookie_over_plain_http_is_not_marked_secure()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";

        OpsSession.SignIn(context, Key);

        Assert.False(SetCookieHeaderValue.Parse(context.Response.Headers.SetCookie.ToString()).Secure);
    }

    [Fact]
    public void The_cookie_from_sign_in_is_accepted_and_one_for_another_key_is_not()
    {
        Assert.True(OpsSession.IsSignedIn(RequestWithCookie(OpsSession.CookieValue(Key)), Key));
        Assert.False(OpsSession.IsSignedIn(RequestWithCookie(OpsSession.CookieValue("another-key")), Key));
        Assert.False(OpsSession.IsSignedIn(RequestWithCookie(Key), Key));
        Assert.False(OpsSession.IsSignedIn(new DefaultHttpContext().Request, Key));
    }

    [Fact]
    public void Only_the_exact_key_signs_in()
    {
        Assert.True(OpsSession.IsKey(Key, Key));
        Assert.False(OpsSession.IsKey(Key + "x", Key));
        Assert.False(OpsSession.IsKey(string.Empty, Key));
        Assert.False(OpsSession.IsKey(null, Key));
    }

    private static HttpRequest RequestWithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{OpsSession.CookieName}={value}";
        return context.Request;
    }
}
