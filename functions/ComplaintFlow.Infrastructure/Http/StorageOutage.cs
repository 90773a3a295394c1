using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// Storage that cannot be reached (refused, timed out, 5xx after the SDK's retries) is the one failure a sender should
/// simply retry: it answers 503 problem+json with <c>Retry-After</c>, never a 500 or a hang, and nothing was accepted.
/// </summary>
public static class StorageOutage
{
    /// <summary>Seconds a sender is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>The problem's detail when a request other than intake or health meets the outage.</summary>
    public const string RequestDetail = "Storage cannot be reached right now. Try again after Retry-After seconds.";

    /// <summary>True when <paramref name="exception"/> (or one inside it) says storage could not be reached or failed on its side.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        RequestFailedException failed => failed.Status == 0 || failed.Status >= 500 || Is(failed.InnerException),
        HttpRequestException or SocketException or TimeoutException => true,
        AggregateException many => many.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };

    /// <summary>
    /// Middleware for a host's pipeline: an <c>/api</c> request that fails because storage is out answers the 503 problem
    /// instead of a bare 500 (intake and health answer it themselves, with their own wording).
    /// </summary>
    public static async Task MiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (Is(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
            && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Clear();
            await Problem(RequestDetail).ExecuteAsync(context);
        }
    }

    public static IResult Problem(string detail) => RetryAfterResult.After(
        RetryAfterSeconds, Problems.Plain(StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "Storage unavailable", detail));
}
