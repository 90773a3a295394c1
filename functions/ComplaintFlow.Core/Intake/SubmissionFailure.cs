namespace ComplaintFlow.Core.Intake;

/// <summary>Why a submission was refused, which decides the HTTP status.</summary>
public enum SubmissionFailure
{
    /// <summary>Nothing: the submission is valid.</summary>
    None,

    /// <summary>The body is larger than <see cref="SubmissionLimits.MaxBodyBytes"/> (413).</summary>
    BodyTooLarge,

    /// <summary>The body is not JSON, not UTF-8, or not a JSON object (400).</summary>
    MalformedBody,

    /// <summary>The body is a JSON object, but one or more fields are missing, of the wrong type or out of bounds (422).</summary>
    InvalidFields,
}
