using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ComplaintFlow.Infrastructure.Http.Dashboard;

/// <summary>The ops pages' routes on an ASP.NET Core host (the Functions app has a trigger for each, at the same path).</summary>
public static class OpsPageRoutes
{
    public static IEndpointRouteBuilder MapOpsPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(OpsAccess.SignInPath, (HttpContext http, OpsSignInPage page) => page.Form(http));
        app.MapPost(OpsAccess.SignInPath, (HttpContext http, OpsSignInPage page) => page.SubmitAsync(http)).DisableAntiforgery();
        app.MapPost(OpsAccess.SignOutPath, (HttpContext http) => OpsSignInPage.SignOut(http)).DisableAntiforgery();
        app.MapGet("/restrictions", (HttpContext http, RestrictionsPage page, CancellationToken ct) => page.GetAsync(http, ct));
        app.MapPost("/restrictions/{key}/lift", (HttpContext http, string key, RestrictionsPage page, CancellationToken ct) => page.LiftAsync(http, key, ct)).DisableAntiforgery();
        app.MapGet("/queue", (HttpContext http, QueuePage page, CancellationToken ct) => page.GetAsync(http, ct));
        app.MapGet("/queue/{id}", (HttpContext http, string id, QueuePage page, CancellationToken ct) => page.ComplaintAsync(http, id, ct));
        app.MapGet("/dashboard", (HttpContext http, DashboardPage page, CancellationToken ct) => page.GetAsync(http, ct));
        app.MapGet("/dashboard/csv", (HttpContext http, DashboardPage page, CancellationToken ct) => page.CsvAsync(http, ct));
        app.MapGet(OpsAssets.RoutePrefix + "{name}", (HttpContext http, string name) => OpsAssets.Get(http, name));
        return app;
    }
}
