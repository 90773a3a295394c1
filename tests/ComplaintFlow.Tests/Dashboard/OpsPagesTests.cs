using System.Net;
using System.Text.RegularExpressions;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task A_page_without_the_cookie_sends_the_browser_to_sign_in_and_back()
    {
        using var client = fixture.Host.CreateClient();

        using var page = await client.GetAsync("/restrictions?lang=zh", Ct);

        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal("/signin?returnTo=%2Frestrictions%3Flang%3Dzh&lang=zh", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Restrictions_page_lists_a_restriction_and_its_lift_button_lifts_it_but_a_post_without_the_form_token_is_refused()
    {
        var store = fixture.Host.Services.GetRequiredService<IRestrictionStore>();
        var now = DateTimeOffset.UtcNow;
        var restriction = await store.RestrictAsync("u-restricted-" + Guid.NewGuid().ToString("N"), "Too many complaints from one customer: 6 within 60 minutes.", now, now.AddDays(1), Ct);
        using var client = fixture.Host.CreateClient();
        (await SignInAsync(client, RunningHost.ApiKey, "/restrictions")).Dispose();

        var listed = await client.GetStringAsync("/restrictions?lang=en", Ct);
        Assert.Contains(restriction.Key, listed, StringComparison.Ordinal);
        Assert.Contains("Too many complaints from one customer: 6 within 60 minutes.", listed, StringComparison.Ordinal);
        var token = FormToken().Match(listed).Groups[1].Value;
        Assert.NotEmpty(token);

        using var forged = await PostTokenAsync(client, $"/restrictions/{restriction.Key}/lift", "forged");
        using var stranger = fixture.Host.CreateClient();
        using var noCookie = await PostTokenAsync(stranger, $"/restrictions/{restriction.Key}/lift", token);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noCookie.StatusCode);
        Assert.NotNull(await ActiveByKeyAsync(store, restriction.Key));

        using var lifted = await PostTokenAsync(client, $"/restrictions/{restriction.Key}/lift?lang=zh", token);
        Assert.Equal(HttpStatusCode.SeeOther, lifted.StatusCode);
        Assert.Equal("/restrictions?lifted=1&lang=zh", lifted.Headers.Location!.OriginalString);
        var after = await client.GetStringAsync(lifted.Headers.Location!.OriginalString, Ct);
        Assert.Contains("已解除限制", after, StringComparison.Ordinal);
        Assert.DoesNotContain(restriction.Key, after, StringComparison.Ordinal);
        Assert.Null(await ActiveByKeyAsync(store, restriction.Key));
    }

    internal static async Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string path, string token)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { [OpsAccess.TokenField] = token });
        return await client.PostAsync(path, body, Ct);
    }

    private static async Task<Restriction?> ActiveByKeyAsync(IRestrictionStore store, string key) =>
        (await store.ListActiveAsync(DateTimeOffset.UtcNow, Ct)).SingleOrDefault(r => r.Key == key);

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string returnTo, string path = "/signin")
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { [OpsSignIn.KeyField] = key, [OpsSignIn.ReturnField] = returnTo });
        return await client.PostAsync(path, body, Ct);
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("\"chart\\.js\": \"([0-9.]+)\"")]
    private static partial Regex PinnedChartJs();
}
