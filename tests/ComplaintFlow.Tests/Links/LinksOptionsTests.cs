using ComplaintFlow.Infrastructure.Links;
using Microsoft.Extensions.Configuration;

namespace ComplaintFlow.Tests.Links;

public sealed class LinksOptionsTests
{
    [Fact]
    public void Settings_with_keys_and_a_base_url_are_valid_with_a_seven_day_lifetime()
    {
        var options = TestLinks.Options(TestLinks.NewKey, TestLinks.OldKey);

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromDays(7), options.Lifetime);
    }

    [Fact]
    public void Settings_without_a_key_are_invalid()
    {
        var errors = TestLinks.Options().Validate();

        Assert.Equal(
            ["Links:Keys must contain at least one signing key (base64 of at least 32 random bytes, e.g. from `openssl rand -base64 32`)."],
            errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("whsec_Xq3bV9mT2pL6wR8yK1nF4hJ7cD0sA5gE9uI2oP6zM3k=")]
    public void Key_that_is_not_base64_is_reported_by_its_position(string key)
    {
        var errors = TestLinks.Options(TestLinks.NewKey, key).Validate();

        Assert.Equal(["Links:Keys:1 is not base64."], errors);
    }

    [Fact]
    public void Key_shorter_than_32_bytes_is_reported()
    {
        var errors = TestLinks.Options("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Validate();

        Assert.Equal(["Links:Keys:0 decodes to 24 bytes; use at least 32 random bytes."], errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5080")]
    [InlineData("/api")]
    [InlineData("ftp://example.com")]
    [InlineData("https://example.com/?x=1")]
    public void Base_url_that_is_not_an_absolute_http_url_is_reported(string baseUrl)
    {
        var options = TestLinks.Options(TestLinks.NewKey);
        options.BaseUrl = baseUrl;

        Assert.Equal(
            ["Links:BaseUrl must be an absolute http or https URL without query or fragment (e.g. http://localhost:5080)."],
            options.Validate());
    }

    [Fact]
    public void Lifetime_that_is_not_positive_is_reported()
    {
        var options = TestLinks.Options(TestLinks.NewKey);
        options.Lifetime = TimeSpan.FromDays(-1);

        Assert.Equal(["Links:Lifetime must be positive (e.g. 7.00:00:00)."], options.Validate());
    }

    [Fact]
    public void Development_key_is_a_valid_key_that_is_recognised_as_such()
    {
        Assert.Empty(TestLinks.Options(LinksOptions.DevelopmentKey).Validate());
        Assert.True(LinksOptions.IsDevelopmentKey(LinksOptions.DevelopmentKey));
        Assert.False(LinksOptions.IsDevelopmentKey(TestLinks.NewKey));
    }

    [Fact]
    public void Settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Links:Keys:0"] = TestLinks.NewKey,
                ["Links:Keys:1"] = TestLinks.OldKey,
                ["Links:BaseUrl"] = "https://complaints.example.com",
                ["Links:Lifetime"] = "3.00:00:00",
            })
            .Build();
        var options = new LinksOptions();

        configuration.GetSection(LinksOptions.SectionName).Bind(options);

        Assert.Equal([TestLinks.NewKey, TestLinks.OldKey], options.Keys);
        Assert.Equal("https://complaints.example.com", options.BaseUrl);
        Assert.Equal(TimeSpan.FromDays(3), options.Lifetime);
        Assert.Empty(options.Validate());
    }
}
