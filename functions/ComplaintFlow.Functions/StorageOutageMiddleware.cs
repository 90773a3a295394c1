using ComplaintFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace ComplaintFlow.Functions;

/// <summary>
/// The worker's side of <see cref="StorageOutage"/>: an HTTP function that fails because storage cannot be reached
/// answers 503 problem+json <c>storage-unavailable</c> with <c>Retry-After</c>, as on the local host, instead of the
/// host's bare 500. It runs inside the ASP.NET Core integration's proxying middleware (registered after
/// <c>ConfigureFunctionsWebApplication</c>), so the invocation's <see cref="HttpContext"/> is there to write to. Other
/// failures, and every failure of a non-HTTP trigger (a queue message must be retried, not answered), go on as before.
/// Requests the host itself refuses (no route, a method a route does not take) never reach the worker.
/// </summary>
public sealed class StorageOutageMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageOutage.Is(e) && HttpOf(context) is { Response.HasStarted: false, RequestAborted.IsCancellationRequested: false } http)
        {
            http.Response.Clear();
            await StorageOutage.Problem(StorageOutage.RequestDetail).ExecuteAsync(http);
        }
    }

    private static HttpContext? HttpOf(FunctionContext context)
    {
        try
        {
            return context.GetHttpContext();
        }
        catch (InvalidOperationException)
        {
            return null; // not an HTTP trigger
        }
    }
}
