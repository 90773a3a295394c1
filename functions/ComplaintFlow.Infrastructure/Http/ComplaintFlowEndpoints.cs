using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Infrastructure.Links;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>The HTTP contract of DESIGN.md §5, mapped once for any ASP.NET Core host.</summary>
public static class ComplaintFlowEndpoints
{
    /// <summary>Routes that need the API key (the host decides how it is checked).</summary>
    public static RouteGroupBuilder MapComplaintFlowApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/complaints", (HttpRequest request, IntakeEndpoint endpoint, CancellationToken ct) => endpoint.HandleAsync(request, ct));
        app.MapGet("/" + ActionTokenService.RoutePrefix + "{token}", (HttpContext http, string token, ActionEndpoint endpoint, CancellationToken ct) => endpoint.GetAsync(http, token, ct));
        app.MapPost("/" + ActionTokenService.RoutePrefix + "{token}", (HttpContext http, string token, ActionEndpoint endpoint, CancellationToken ct) => endpoint.PostAsync(http, token, ct))
            .DisableAntiforgery();
        app.MapGet("/api/health", (HealthEndpoint endpoint, CancellationToken ct) => endpoint.GetAsync(ct));
        app.MapOpsPages(); // signed in with the ops key's cookie, not the key header

        var keyed = app.MapGroup(string.Empty);
        keyed.MapGet("/api/complaints/{id}", (string id, HttpResponse response, ComplaintsEndpoint endpoint, CancellationToken ct) => endpoint.GetAsync(id, response, ct));
        keyed.MapGet("/api/complaints", (string? month, string? status, string? pageSize, string? continuationToken, ComplaintsEndpoint endpoint, CancellationToken ct) =>
            endpoint.ListAsync(month, status, pageSize, continuationToken, ct));
        keyed.MapGet("/api/stats", (string? month, string? from, string? to, string? format, StatisticsEndpoint endpoint, CancellationToken ct) => endpoint.GetAsync(month, from, to, format, ct));
        keyed.MapPost("/api/stats/rebuild", (string? month, StatisticsEndpoint endpoint, CancellationToken ct) => endpoint.RebuildAsync(month, ct));
        keyed.MapPost("/api/restrictions/{key}/lift", (string key, RestrictionsEndpoint endpoint, CancellationToken ct) => endpoint.LiftAsync(key, ct));
        keyed.MapPost("/api/customers/{customerId}/erase", (string customerId, HttpRequest request, CustomersEndpoint endpoint, CancellationToken ct) => endpoint.EraseAsync(customerId, request, ct));
        return keyed;
    }
}
