namespace ComplaintFlow.Core.Intake;

/// <summary>One thing wrong with a submission, as an app developer reads it in the problem's <c>errors</c> list.</summary>
/// <param name="Field">
/// The JSON path of the field at fault (<c>description</c>, <c>customer.email</c>, <c>metadata.appVersion</c>), or
/// <c>body</c> when the document as a whole is at fault (too large, not JSON, not an object).
/// </param>
/// <param name="Message">A sentence saying what is wrong and what is allowed.</param>
public sealed record FieldError(string Field, string Message);
