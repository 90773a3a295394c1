using Microsoft.Extensions.Options;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>Plugs <see cref="EmailOptions.Validate"/> into options validation, so <c>ValidateOnStart</c> stops the host with every problem named.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
