using Microsoft.Extensions.Options;

namespace ComplaintFlow.Core.Classification;

/// <summary>Start-up validation of <see cref="ClassificationOptions"/>: each problem names the rule and the setting.</summary>
public sealed class ClassificationOptionsValidator : IValidateOptions<ClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
