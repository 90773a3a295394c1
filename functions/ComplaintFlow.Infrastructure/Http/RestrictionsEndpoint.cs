using ComplaintFlow.Core.Verification;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary><c>POST /api/restrictions/{key}/lift</c>: lets a restricted customer's complaints in again, the burst that caused it forgiven.</summary>
public sealed class RestrictionsEndpoint(IRestrictionStore restrictions, TimeProvider time)
{
    public async Task<IResult> LiftAsync(string key, CancellationToken cancellationToken) =>
        await restrictions.LiftAsync(key, time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.Field(StatusCodes.Status404NotFound, "restriction-not-found", "No such restriction", "key", $"There is no restriction with key '{key}' (it may have been lifted or expired).");
}
