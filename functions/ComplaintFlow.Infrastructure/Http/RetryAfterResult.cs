using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// An answer with a <c>Retry-After</c> header in whole seconds (at least 1): a fixed wait, or the time left until a
/// moment, counted when the answer is written, on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RetryAfterResult : IResult
{
    private readonly IResult _inner;
    private readonly DateTimeOffset? _until;
    private readonly long _seconds;

    private RetryAfterResult(IResult inner, DateTimeOffset? until, long seconds)
    {
        _inner = inner;
        _until = until;
        _seconds = seconds;
    }

    public static RetryAfterResult Until(DateTimeOffset until, IResult inner) => new(inner, until, 0);

    public static RetryAfterResult After(int seconds, IResult inner) => new(inner, null, seconds);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var seconds = _seconds;
        if (_until is { } until)
        {
            var timeProvider = httpContext.RequestServices.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
            seconds = (long)Math.Ceiling((until - timeProvider.GetUtcNow()).TotalSeconds);
        }

        httpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        return _inner.ExecuteAsync(httpContext);
    }
}
