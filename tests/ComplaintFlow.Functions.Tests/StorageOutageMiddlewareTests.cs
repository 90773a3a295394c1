using Azure;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Local.DevServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace ComplaintFlow.Functions.Tests;

/// <summary>
/// <see cref="StorageOutageMiddleware"/> as the worker runs it around a function: with storage gone an HTTP function
/// answers 503 problem+json with Retry-After instead of throwing (which the host turns into a bare 500); anything else,
/// and any failure outside HTTP, still throws.
/// </summary>
public sealed class StorageOutageMiddlewareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ops_read_with_storage_stopped_answers_503_problem_json_with_retry_after()
    {
        var storage = await AzuriteProcess.StartAsync(location: null, Ct);
        await using var app = await FunctionsApp.StartAsync(storage.ConnectionString);
        await storage.DisposeAsync();
        const string id = "C-202611-02K7M3QX9A";
        var functions = app.Get<HttpFunctions>();

        // The function alone throws: without the middleware the host would answer 500.
        var bare = app.Request("GET", $"/api/complaints/{id}");
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => functions.Get(bare.Request, id, Ct));
        Assert.True(StorageOutage.Is(thrown));

        var http = app.Request("GET", $"/api/complaints/{id}");
        await new StorageOutageMiddleware().Invoke(HttpInvocation(http), _ => functions.Get(http.Request, id, Ct));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal("30", http.Response.Headers.RetryAfter.ToString());
        Assert.Contains("urn:complaintflow:problem:storage-unavailable", FunctionsApp.ResponseText(http), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_that_is_not_storage_still_throws()
    {
        var http = new DefaultHttpContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new StorageOutageMiddleware().Invoke(HttpInvocation(http), _ => throw new InvalidOperationException("a bug")));
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_storage_failure_outside_http_still_throws_so_the_trigger_retries()
    {
        var queueInvocation = new Mock<FunctionContext>();
        queueInvocation.SetupGet(c => c.Items).Returns(new Dictionary<object, object>());

        await Assert.ThrowsAsync<RequestFailedException>(() =>
            new StorageOutageMiddleware().Invoke(queueInvocation.Object, _ => throw new RequestFailedException(503, "Server busy")));
    }

    /// <summary>
    /// An HTTP invocation as the ASP.NET Core integration's proxying middleware leaves it: the request's HttpContext in
    /// the function context's items under the key <c>GetHttpContext()</c> reads.
    /// </summary>
    private static FunctionContext HttpInvocation(HttpContext http)
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        return context.Object;
    }
}
