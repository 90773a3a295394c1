using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Local.Security;

/// <summary>Checks <c>x-functions-key</c> on the keyed routes, like Functions' function-level authorization does on Azure.</summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var sent = context.HttpContext.Request.Headers[Header].ToString();
        var expected = options.Value.Key;
        if (!OpsSession.IsKey(sent, expected))
        {
            return Problems.Field(
                StatusCodes.Status401Unauthorized, "missing-api-key", "API key required", Header,
                sent.Length == 0 ? $"Send the API key in the {Header} header." : $"The {Header} header does not hold a valid key.");
        }

        return await next(context);
    }
}
