using System.Globalization;
using ComplaintFlow.Core.Intake;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>Turns an intake outcome into the HTTP answer both channels' callers see.</summary>
public static class IntakeResults
{
    /// <param name="outcome">What intake decided.</param>
    /// <param name="keyField">The name of the delivery key field, for a 422 about its reuse (<c>webhook-id</c>).</param>
    public static IResult From(IntakeOutcome outcome, string keyField)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            IntakeOutcomeKind.Accepted => new PrivateResult(TypedResults.Accepted(outcome.Receipt!.StatusUrl, outcome.Receipt)),
            IntakeOutcomeKind.KeyReusedWithOtherBody => Problems.Field(
                StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Delivery id reused with another body", keyField,
                $"This {keyField} was already used for a different body. Use a new {keyField} for a new complaint, or resend the original body unchanged."),
            _ => Restricted(outcome),
        };
    }

    private static RetryAfterResult Restricted(IntakeOutcome outcome)
    {
        var restriction = outcome.Restriction!;
        return RetryAfterResult.Until(
            restriction.Until,
            Problems.Plain(
                StatusCodes.Status429TooManyRequests, "customer-restricted", "Too many complaints",
                string.Create(CultureInfo.InvariantCulture, $"Complaints from this customer are paused until {restriction.Until:u} ({restriction.Reason}). Restriction key: {restriction.Key}.")));
    }
}
