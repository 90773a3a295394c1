using ComplaintFlow.Core.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// RFC 9457 problem details (<c>application/problem+json</c>) for every error the API returns. Each names what is
/// wrong: a header, a field, or a list of fields in <c>errors</c>. Problem types are listed in <c>docs/webhook.md</c>.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:complaintflow:problem:";

    /// <summary>A problem about one named field or header.</summary>
    public static IResult Field(int status, string type, string title, string field, string detail) =>
        Create(status, type, title, detail, [new FieldError(field, detail)]);

    /// <summary>A problem about several fields at once.</summary>
    public static IResult Fields(int status, string type, string title, string detail, IReadOnlyList<FieldError> errors) =>
        Create(status, type, title, detail, errors);

    /// <summary>A problem with no particular field.</summary>
    public static IResult Plain(int status, string type, string title, string detail) => Create(status, type, title, detail, null);

    private static PrivateResult Create(int status, string type, string title, string detail, IReadOnlyList<FieldError>? errors)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + type,
            Title = title,
            Detail = detail,
        };
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToArray();
        }

        return new PrivateResult(TypedResults.Problem(problem));
    }
}
