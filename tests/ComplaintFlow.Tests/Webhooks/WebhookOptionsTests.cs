using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;

namespace ComplaintFlow.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Fact]
    public void Settings_with_two_well_formed_secrets_are_valid()
    {
        var options = TestSecrets.Options(TestSecrets.Current, TestSecrets.Previous);

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromMinutes(5), options.Tolerance);
    }

    [Fact]
    public void Settings_without_a_secret_are_invalid()
    {
        var errors = new WebhookOptions().Validate();

        Assert.Equal(["Webhook:Secrets must contain at least one secret (whsec_<base64>)."], errors);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("")]
    public void Secret_not_of_the_whsec_form_is_reported_by_its_position(string secret)
    {
        var errors = TestSecrets.Options(TestSecrets.Current, secret).Validate();

        Assert.Equal(["Webhook:Secrets:1 is not of the form whsec_<base64>."], errors);
    }

    [Fact]
    public void Secret_shorter_than_24_bytes_is_reported()
    {
        var errors = TestSecrets.Options("whsec_c2hvcnQ=").Validate();

        Assert.Equal(["Webhook:Secrets:0 decodes to 5 bytes; use at least 24 random bytes."], errors);
    }

    [Fact]
    public void Tolerance_that_is_not_positive_is_reported()
    {
        var options = TestSecrets.Options(TestSecrets.Current);
        options.Tolerance = TimeSpan.Zero;

        Assert.Equal(["Webhook:Tolerance must be positive (e.g. 00:05:00)."], options.Validate());
    }

    [Fact]
    public void Development_secret_is_a_valid_secret_that_is_recognised_as_such()
    {
        Assert.Empty(TestSecrets.Options(WebhookOptions.DevelopmentSecret).Validate());
        Assert.True(WebhookOptions.IsDevelopmentSecret(WebhookOptions.DevelopmentSecret));
        Assert.False(WebhookOptions.IsDevelopmentSecret(TestSecrets.Current));
    }

    [Fact]
    public void Settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Webhook:Secrets:0"] = TestSecrets.Current,
                ["Webhook:Secrets:1"] = TestSecrets.Previous,
                ["Webhook:Tolerance"] = "00:02:00",
            })
            .Build();
        var options = new WebhookOptions();

        configuration.GetSection(WebhookOptions.SectionName).Bind(options);

        Assert.Equal([TestSecrets.Current, TestSecrets.Previous], options.Secrets);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Tolerance);
    }
}
