using System.Globalization;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary><c>GET /api/complaints/{id}</c> and <c>GET /api/complaints?month=yyyy-MM&amp;status=&amp;pageSize=&amp;continuationToken=</c>.</summary>
public sealed class ComplaintsEndpoint(IComplaintStore store, ComplaintLookup lookup, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// The complaint's record. An id given at intake answers at once: while the complaint is still being recorded, with
    /// its record as received; when its <c>externalId</c> had come before, with that earlier complaint's record (and a
    /// <c>Content-Location</c> naming it).
    /// </summary>
    public async Task<IResult> GetAsync(string id, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!ComplaintId.TryParse(id, out var complaintId))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "invalid-complaint-id", "Not a complaint id", "id", $"'{id}' is not a complaint id (expected C-yyyyMM-XXXXXXXXXXXX).");
        }

        if (await lookup.FindAsync(complaintId, cancellationToken) is not { } complaint)
        {
            return Problems.Field(StatusCodes.Status404NotFound, "complaint-not-found", "Complaint not found", "id", $"There is no complaint {id}.");
        }

        if (complaint.Id != complaintId)
        {
            response.Headers.ContentLocation = $"/api/complaints/{complaint.Id.Value}";
        }

        return new PrivateResult(TypedResults.Ok(ComplaintView.From(complaint)));
    }

    public async Task<IResult> ListAsync(string? month, string? status, string? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new List<Core.Intake.FieldError>();
        var partition = time.GetUtcNow().ToString("yyyyMM", CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(month))
        {
            if (DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                partition = parsed.ToString("yyyyMM", CultureInfo.InvariantCulture);
            }
            else
            {
                errors.Add(new("month", $"'{month}' is not a month; use yyyy-MM, e.g. 2026-11."));
            }
        }

        ComplaintStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<ComplaintStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                statusFilter = s;
            }
            else
            {
                errors.Add(new("status", $"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<ComplaintStatus>())}."));
            }
        }

        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add(new("pageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return Problems.Fields(StatusCodes.Status400BadRequest, "invalid-query", "Invalid query", errors[0].Message, errors);
        }

        var page = await store.ListByMonthAsync(partition, statusFilter, size, continuationToken, cancellationToken);
        return new PrivateResult(TypedResults.Ok(new ComplaintListView(page.Items.Select(ComplaintView.From).ToList(), page.ContinuationToken)));
    }

    public sealed record ComplaintListView(IReadOnlyList<ComplaintView> Items, string? ContinuationToken);
}
