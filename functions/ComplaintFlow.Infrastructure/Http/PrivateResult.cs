using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// An API answer that carries personal data or secrets-by-position (a complaint's record, statistics, a problem that
/// echoes a submitted field): sent with <c>Cache-Control: no-store</c>, so no proxy or browser keeps it, and
/// <c>X-Content-Type-Options: nosniff</c>, so no browser renders it as anything but its declared type. Both hosts
/// execute the same result, so both send the headers. <see cref="Inner"/> is the answer itself.
/// </summary>
public sealed class PrivateResult(IResult inner) : IResult, IStatusCodeHttpResult
{
    public IResult Inner => inner;

    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return inner.ExecuteAsync(httpContext);
    }
}
