using Microsoft.Extensions.Options;

namespace ComplaintFlow.Local.Security;

/// <summary>Outside Development, the published development API key must not be used (as the development webhook secret and link key are not).</summary>
public sealed class DevelopmentApiKeyValidator(IHostEnvironment environment) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !environment.IsDevelopment() && ApiOptions.IsDevelopmentKey(options.Key)
            ? ValidateOptionsResult.Fail("Api:Key is the development key from the README; outside Development configure your own key.")
            : ValidateOptionsResult.Success;
    }
}
