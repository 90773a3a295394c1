using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// The answers routing gives with no body — no route at an <c>/api</c> path (404), a route without that method (405,
/// with its <c>Allow</c> header) — as problem+json like every other API error. Used with <c>UseStatusCodePages</c>, so
/// routing keeps deciding which of the two it is.
/// </summary>
public static class ApiStatusCodePages
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        var problem = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Problems.Plain(StatusCodes.Status404NotFound, "route-not-found", "No such route", "There is no API route at this path; docs/webhook.md lists the routes."),
            StatusCodes.Status405MethodNotAllowed => Problems.Plain(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed", $"This route does not take {http.Request.Method}; the Allow header lists the methods it takes."),
            _ => null,
        };
        return problem?.ExecuteAsync(http) ?? Task.CompletedTask;
    }
}
