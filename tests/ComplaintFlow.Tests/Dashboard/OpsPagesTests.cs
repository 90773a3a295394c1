using System.Net;
using System.Text.RegularExpressions;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Dashboard;

/// <summary>The ops pages on the running local host, through HTTP as a browser uses them: sign in once, then the cookie.</summary>
public sealed partial class OpsPagesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_form_posts_the_key_in_the_body_and_a_right_key_sets_an_HttpOnly_strict_cookie_and_returns_to_the_page()
    {
        using var client = fixture.Host.CreateClient();

        using var form = await client.GetAsync("/signin?returnTo=%2Fqueue%3Fteam%3Dpayments", Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("method=\"post\" action=\"/signin\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"/queue?team=payments\"", html, StringComparison.Ordinal);

        using var signedIn = await SignInAsync(client, RunningHost.ApiKey, "/queue?team=payments");
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/queue?team=payments", signedIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(OpsSession.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RunningHost.ApiKey, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_answers_401_with_the_form_in_the_language_asked_for_and_no_cookie()
    {
        using var client = fixture.Host.CreateClient();

        using var refused = await SignInAsync(client, "not-the-key", "/dashboard", "/signin?lang=zh");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("运维密钥不正确", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie()
    {
        using var client = fixture.Host.CreateClient();
        (await SignInAsync(client, RunningHost.ApiKey, "/dashboard")).Dispose();

        using var signedOut = await client.PostAsync("/signout", null, Ct);

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(signedOut.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Static_files_are_served_with_their_types_and_chart_js_is_the_pinned_version()
    {
        using var client = fixture.Host.CreateClient();

        using var chart = await client.GetAsync("/assets/chart.umd.min.js", Ct);
        using var css = await client.GetAsync("/assets/ops.css", Ct);
        using var missing = await client.GetAsync("/assets/nope.js", Ct);

        Assert.Equal("text/javascript", chart.Content.Headers.ContentType!.MediaType);
        var pinned = PinnedChartJs().Match(await File.ReadAllTextAsync(Path.Combine(Local.DevServices.NodeTools.FindRepositoryRoot(), "package.json"), Ct)).Groups[1].Value;
        Assert.Contains("Chart.js v" + pinned, await chart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string returnTo, string path = "/signin")
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { [OpsSignIn.KeyField] = key, [OpsSignIn.ReturnField] = returnTo });
        return await client.PostAsync(path, body, Ct);
    }

    [GeneratedRegex("\"chart\\.js\": \"([0-9.]+)\"")]
    private static partial Regex PinnedChartJs();
}
