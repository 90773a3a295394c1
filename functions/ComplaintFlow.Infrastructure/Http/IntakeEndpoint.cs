using System.Globalization;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// <c>POST /api/complaints</c>: the signed webhook. Checks run cheapest first and nothing is stored before the request
/// is known to be good: size (413), content type (415), signature (401), body (400/422), then intake (202, 422 for a
/// reused <c>webhook-id</c>, 429 for a restricted customer).
/// </summary>
public sealed partial class IntakeEndpoint(WebhookVerifier verifier, ComplaintIntake intake, ILogger<IntakeEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > SubmissionLimits.MaxBodyBytes)
        {
            return TooLarge(request.ContentLength.Value);
        }

        if (!IsJson(request.ContentType))
        {
            return Problems.Field(
                StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type", HeaderNames.ContentType,
                $"The body must be JSON sent as 'application/json'; got '{request.ContentType ?? "(none)"}'.");
        }

        var body = await BodyReader.ReadAsync(request.Body, SubmissionLimits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(null);
        }

        var headers = request.Headers;
        var verification = verifier.Verify(headers[WebhookHeaders.Id], headers[WebhookHeaders.Timestamp], headers[WebhookHeaders.Signature], body);
        if (!verification.IsValid)
        {
            LogRejectedSignature(logger, verification.Header!);
            return Problems.Field(StatusCodes.Status401Unauthorized, "invalid-signature", "Webhook signature not accepted", verification.Header!, verification.Detail!);
        }

        var parsed = SubmissionParser.Parse(body);
        if (!parsed.IsValid)
        {
            return parsed.Failure switch
            {
                SubmissionFailure.BodyTooLarge => TooLarge(body.Length),
                SubmissionFailure.MalformedBody => Problems.Fields(StatusCodes.Status400BadRequest, "malformed-body", "The body is not a valid complaint document", Summary(parsed.Errors), parsed.Errors),
                _ => Problems.Fields(StatusCodes.Status422UnprocessableEntity, "invalid-fields", "Some fields are not valid", Summary(parsed.Errors), parsed.Errors),
            };
        }

        IntakeOutcome outcome;
        try
        {
            outcome = await intake.AcceptAsync(parsed.Submission!, new IntakeKey(IntakeKey.WebhookScope, headers[WebhookHeaders.Id].ToString()), RequestFingerprint.Of(body), cancellationToken);
        }
        catch (Exception e) when (StorageOutage.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, e.GetType().Name);
            return StorageOutage.Problem(
                "Complaint storage cannot be reached right now, so nothing was accepted. Send the same request again (same webhook-id and body) after Retry-After seconds.");
        }

        return IntakeResults.From(outcome, WebhookHeaders.Id);
    }

    private static IResult TooLarge(long? length) => Problems.Field(
        StatusCodes.Status413PayloadTooLarge, "body-too-large", "Body too large", "body",
        length is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"The body is {n:N0} bytes; the limit is {SubmissionLimits.MaxBodyBytes:N0} bytes (64 KiB).")
            : string.Create(CultureInfo.InvariantCulture, $"The body is larger than the limit of {SubmissionLimits.MaxBodyBytes:N0} bytes (64 KiB)."));

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ?? false));

    private static string Summary(IReadOnlyList<FieldError> errors) =>
        errors.Count == 1 ? errors[0].Message : string.Create(CultureInfo.InvariantCulture, $"{errors.Count} problems; see 'errors'. First: {errors[0].Message}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook answered 503: storage unavailable ({Error})")]
    private static partial void LogStorageUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook rejected: {Header} not accepted")]
    private static partial void LogRejectedSignature(ILogger logger, string header);
}
