using System.Diagnostics.CodeAnalysis;

namespace ComplaintFlow.Core.Intake;

/// <summary>What <see cref="SubmissionParser.Parse"/> made of a body: a submission, or why not with every error found.</summary>
public sealed class ParseResult
{
    private ParseResult(ComplaintSubmission? submission, SubmissionFailure failure, IReadOnlyList<FieldError> errors)
    {
        Submission = submission;
        Failure = failure;
        Errors = errors;
    }

    /// <summary>True when the body is a valid submission; <see cref="Submission"/> is set then.</summary>
    [MemberNotNullWhen(true, nameof(Submission))]
    public bool IsValid => Submission is not null;

    /// <summary>The validated, trimmed submission when <see cref="IsValid"/>.</summary>
    public ComplaintSubmission? Submission { get; }

    /// <summary>Why the body was refused; <see cref="SubmissionFailure.None"/> when valid.</summary>
    public SubmissionFailure Failure { get; }

    /// <summary>Every problem found, in a stable order (document-level first, then fields in schema order); empty when valid.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    internal static ParseResult Valid(ComplaintSubmission submission) => new(submission, SubmissionFailure.None, []);

    internal static ParseResult Invalid(SubmissionFailure failure, IReadOnlyList<FieldError> errors) => new(null, failure, errors);
}
