using ComplaintFlow.Infrastructure.Email;

namespace ComplaintFlow.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Default_outbox_settings_need_only_a_sender()
    {
        Assert.Empty(new EmailOptions { From = "complaints@example.com" }.Validate());
    }

    [Fact]
    public void Missing_sender_is_named()
    {
        var error = Assert.Single(new EmailOptions().Validate());

        Assert.Contains("Email:From", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_with_a_display_name_is_refused_in_favour_of_from_name()
    {
        var error = Assert.Single(new EmailOptions { From = "Complaints <complaints@example.com>" }.Validate());

        Assert.Contains("Email:FromName", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_transport_names_every_missing_or_wrong_smtp_setting()
    {
        var options = new EmailOptions
        {
            Transport = EmailTransport.Smtp,
            From = "complaints@example.com",
            Smtp = new SmtpOptions { Host = " ", Port = 0, UserName = "mailer" },
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("Email:Smtp:Host", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Email:Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Email:Smtp:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Acs_transport_needs_an_https_endpoint_without_a_path()
    {
        var missing = Acs(new AcsOptions());
        var plainHttp = Acs(new AcsOptions { Endpoint = new Uri("http://acs.example.com") });
        var withPath = Acs(new AcsOptions { Endpoint = new Uri("https://acs.example.com/emails:send") });
        var endpoint = Acs(new AcsOptions { Endpoint = new Uri("https://acs.example.com") });

        Assert.Contains("Email:Acs:Endpoint", Assert.Single(missing.Validate()), StringComparison.Ordinal);
        Assert.Contains("https", Assert.Single(plainHttp.Validate()), StringComparison.Ordinal);
        Assert.Contains("without a path", Assert.Single(withPath.Validate()), StringComparison.Ordinal);
        Assert.Empty(endpoint.Validate());
    }

    [Fact]
    public void Acs_connection_string_is_refused_in_favour_of_the_managed_identity()
    {
        var options = Acs(new AcsOptions { Endpoint = new Uri("https://acs.example.com"), ConnectionString = "endpoint=https://acs.example.com/;accesskey=c2VjcmV0" });

        var error = Assert.Single(options.Validate());

        Assert.Contains("Email:Acs:ConnectionString is not supported", error, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Acs_max_wait_must_be_sane()
    {
        var error = Assert.Single(Acs(new AcsOptions { Endpoint = new Uri("https://acs.example.com"), MaxWait = TimeSpan.FromHours(1) }).Validate());

        Assert.Contains("Email:Acs:MaxWait", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_reports_the_same_problems_to_options_validation()
    {
        var result = new EmailOptionsValidator().Validate(null, new EmailOptions { Transport = EmailTransport.Smtp, From = "complaints@example.com" });

        Assert.True(result.Failed);
        Assert.Contains("Email:Smtp:Host", result.FailureMessage, StringComparison.Ordinal);
    }

    private static EmailOptions Acs(AcsOptions acs) => new() { Transport = EmailTransport.Acs, From = "complaints@example.com", Acs = acs };
}
