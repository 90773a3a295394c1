using Microsoft.Extensions.Options;

namespace ComplaintFlow.Infrastructure.Hosting;

/// <summary>Runs an options class's own <c>Validate()</c> at start-up, so a bad setting stops the host with a message naming it.</summary>
public sealed class OptionsValidator<TOptions>(Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = validate(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
