using System.Text.Json;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Privacy;
using ComplaintFlow.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// <c>POST /api/customers/{customerId}/erase</c> with <c>{ "requestedBy": "…" }</c>: erases the customer's personal data
/// from every complaint and every store (<see cref="CustomerErasure"/>) and answers with what was erased. Asked again it
/// answers with the first erasure (<c>alreadyErased: true</c>).
/// </summary>
public sealed class CustomersEndpoint(CustomerErasure erasure)
{
    /// <summary>The longest body read: the request holds one short name.</summary>
    private const int MaxBodyBytes = 4096;
    private const int MaxRequestedByLength = 100;

    public async Task<IResult> EraseAsync(string customerId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Length > SubmissionLimits.MaxIdLength || customerId.Any(char.IsControl))
        {
            return Invalid("customerId", $"The customer id is the one your system sent as customer.id: 1 to {SubmissionLimits.MaxIdLength} characters, no control characters.");
        }

        var (requestedBy, problem) = await ReadRequestedByAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ErasureRecord record;
        bool alreadyErased;
        try
        {
            (record, alreadyErased) = await erasure.EraseCustomerAsync(customerId, requestedBy!, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            return RetryAfterResult.After(30, Problems.Plain(StatusCodes.Status503ServiceUnavailable, "erasure-not-finished", "Erasure not finished", ex.Message));
        }

        return new PrivateResult(TypedResults.Ok(new ErasureView(record.ErasedAt, record.ErasedBy, record.Complaints, record.ClosedWhileOpen, alreadyErased)));
    }

    private static async Task<(string? RequestedBy, IResult? Problem)> ReadRequestedByAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const string Hint = "Send {\"requestedBy\": \"…\"}: who asks for the erasure (your name or ticket), kept as the record of it.";
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Field(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send JSON", "requestedBy", $"The body must be application/json. {Hint}"));
        }

        if (await BodyReader.ReadAsync(request.Body, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return (null, Problems.Field(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Body too large", "requestedBy", $"The body may be at most {MaxBodyBytes} bytes. {Hint}"));
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("requestedBy", out var by)
                && by.ValueKind == JsonValueKind.String
                && by.GetString()!.Trim() is { Length: > 0 and <= MaxRequestedByLength } name
                && !name.Any(char.IsControl))
            {
                return (name, null);
            }
        }
        catch (JsonException)
        {
            return (null, Invalid("requestedBy", $"The body is not valid JSON. {Hint}"));
        }

        return (null, Invalid("requestedBy", $"requestedBy is missing, empty, longer than {MaxRequestedByLength} characters or holds control characters. {Hint}"));
    }

    private static IResult Invalid(string field, string detail) =>
        Problems.Field(StatusCodes.Status400BadRequest, "invalid-erasure-request", "Invalid erasure request", field, detail);

    /// <summary>The answer: when and at whose request, which complaints (by id), how many were open.</summary>
    public sealed record ErasureView(DateTimeOffset ErasedAt, string ErasedBy, IReadOnlyList<string> Complaints, int ClosedWhileOpen, bool AlreadyErased);
}
