using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// <c>GET /api/health</c>: healthy only when Table Storage answers within a few seconds; otherwise 503 problem+json
/// saying so, with <c>Retry-After</c>, and healthy again as soon as storage is back.
/// </summary>
public sealed class HealthEndpoint(TableServiceClient tables)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1).WithCancellation(timeout.Token))
            {
                break;
            }

            return TypedResults.Ok(new { status = "ok" });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StorageOutage.Problem($"Unhealthy: Table Storage did not answer within {Patience.TotalSeconds:0} seconds.");
        }
        catch (Exception e) when (StorageOutage.Is(e))
        {
            return StorageOutage.Problem($"Unhealthy: Table Storage cannot be reached ({e.GetType().Name}).");
        }
    }
}
