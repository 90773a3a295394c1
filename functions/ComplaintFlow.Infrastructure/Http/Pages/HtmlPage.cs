using System.Text;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Pages;

/// <summary>
/// A server-rendered page with the headers every page needs, whichever host executes it (the local host's endpoints
/// and the Functions app's triggers run the same <see cref="IResult"/>): its Content-Security-Policy (no script, its own
/// styles only, framed by nobody), <c>X-Frame-Options: DENY</c> for browsers without <c>frame-ancestors</c>,
/// <c>Referrer-Policy: no-referrer</c> (link pages carry their token in the URL), <c>X-Content-Type-Options: nosniff</c>
/// and <c>Cache-Control: no-store</c>: pages show complaints, names and addresses, and none is worth keeping.
/// </summary>
public sealed class HtmlPage(int statusCode, string html, string contentSecurityPolicy) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => statusCode;

    public string ContentType => "text/html; charset=utf-8";

    public string Html => html;

    public string ContentSecurityPolicy => contentSecurityPolicy;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return TypedResults.Content(html, ContentType, Encoding.UTF8, statusCode).ExecuteAsync(httpContext);
    }
}
