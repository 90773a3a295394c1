using System.Text;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Functions.Tests;

/// <summary>The ops pages as the Functions host calls them: the sign-in with Ops:Key, then the cookie opens the pages.</summary>
public sealed class OpsPageFunctionTests(AzuriteForFunctions azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_sends_a_stranger_to_sign_in_and_the_ops_key_opens_it_with_its_charts_served_by_the_app()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var functions = app.Get<HttpFunctions>();

        var stranger = app.Request("GET", "/dashboard");
        await functions.Dashboard(stranger.Request, Ct);
        Assert.Equal(StatusCodes.Status303SeeOther, stranger.Response.StatusCode);
        Assert.Equal("/signin?returnTo=%2Fdashboard", stranger.Response.Headers.Location.ToString());

        var body = Encoding.UTF8.GetBytes($"{OpsSignIn.KeyField}={Uri.EscapeDataString(FunctionsApp.OpsKey)}&{OpsSignIn.ReturnField}=%2Fdashboard");
        var signIn = app.Request("POST", "/signin", body, "application/x-www-form-urlencoded");
        await functions.SignIn(signIn.Request);
        Assert.Equal(StatusCodes.Status303SeeOther, signIn.Response.StatusCode);
        var cookie = signIn.Response.Headers.SetCookie.ToString();
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase); // the app is reached over https

        var page = app.Request("GET", "/dashboard");
        page.Request.Headers.Cookie = cookie.Split(';')[0];
        page.Request.QueryString = new QueryString("?month=2026-11&lang=en");
        await functions.Dashboard(page.Request, Ct);
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.Contains("<title>Dashboard · 2026-11 · ComplaintFlow</title>", FunctionsApp.ResponseText(page), StringComparison.Ordinal);

        var chart = app.Request("GET", "/assets/chart.umd.min.js");
        await HttpFunctions.Asset(chart.Request, OpsAssets.ChartScript);
        Assert.Equal(StatusCodes.Status200OK, chart.Response.StatusCode);
        Assert.StartsWith("text/javascript", chart.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);

        var signIn = app.Request("POST", "/signin", Encoding.UTF8.GetBytes($"{OpsSignIn.KeyField}=guess"), "application/x-www-form-urlencoded");
        await app.Get<HttpFunctions>().SignIn(signIn.Request);

        Assert.Equal(StatusCodes.Status401Unauthorized, signIn.Response.StatusCode);
        Assert.True(string.IsNullOrEmpty(signIn.Response.Headers.SetCookie.ToString()));
    }
}
