using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Infrastructure.Http.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ComplaintFlow.Tests.Dashboard;

public sealed class OpsSignInTests
{
    private const string Key = "ops-key-for-tests";

    [Fact]
    public async Task Right_key_sets_the_cookie_and_goes_back_to_the_page_asked_for()
    {
        var context = Posted(Key, "/queue?team=payments");

        var result = await OpsSignIn.SubmitAsync(context, Key, Locale.En, "/signin");
        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status303SeeOther, context.Response.StatusCode);
        Assert.Equal("/queue?team=payments", context.Response.Headers.Location.ToString());
        Assert.Contains(OpsSession.CookieName + "=" + OpsSession.CookieValue(Key), context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_shows_the_form_again_in_Chinese_with_no_cookie()
    {
        var context = Posted("guess", "/dashboard");

        var result = await OpsSignIn.SubmitAsync(context, Key, Locale.Zh, "/signin");

        var page = Assert.IsType<HtmlPage>(result);
        Assert.Equal(StatusCodes.Status401Unauthorized, page.StatusCode);
        Assert.Contains("运维密钥不正确", page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        Assert.True(StringValues.IsNullOrEmpty(context.Response.Headers.SetCookie));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    public void Return_path_never_leaves_the_host(string returnTo) =>
        Assert.Equal("/dashboard", OpsSignIn.SafeReturn(returnTo));

    private static DefaultHttpContext Posted(string key, string returnTo)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues>
        {
            [OpsSignIn.KeyField] = key,
            [OpsSignIn.ReturnField] = returnTo,
        });
        return context;
    }
}
