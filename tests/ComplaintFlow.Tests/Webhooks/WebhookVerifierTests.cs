using System.Text;
using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private readonly FakeTimeProvider _clock = new(TestSecrets.Now);

    private WebhookVerifier Verifier(params string[] secrets) => new(TestSecrets.Options(secrets), _clock);

    [Fact]
    public void Delivery_signed_with_the_configured_secret_is_accepted()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current));

        Assert.True(result.IsValid, result.Detail);
    }

    [Fact]
    public void Delivery_signed_with_the_second_secret_is_accepted_during_rotation()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Previous).Build();

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current, TestSecrets.Previous));

        Assert.True(result.IsValid, result.Detail);
    }

    [Fact]
    public void Header_with_several_signatures_is_accepted_when_one_of_them_matches()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now)
            .SignedWith(TestSecrets.Stranger)
            .SignedWith(TestSecrets.Current)
            .Build();
        var withOtherVersions = delivery with
        {
            Signature = "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + delivery.Signature + " v1a,AAAA",
        };

        var result = withOtherVersions.VerifyWith(Verifier(TestSecrets.Current));

        Assert.True(result.IsValid, result.Detail);
    }

    [Fact]
    public void Delivery_signed_with_another_secret_is_rejected_naming_the_signature_header()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Stranger).Build();

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current, TestSecrets.Previous));

        Assert.False(result.IsValid);
        Assert.Equal(WebhookHeaders.Signature, result.Header);
        Assert.Contains("No v1 signature matched", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_changed_by_one_byte_after_signing_is_rejected()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();
        var tampered = delivery.Body.ToArray();
        tampered[^3] ^= 0x01;

        var result = (delivery with { Body = tampered }).VerifyWith(Verifier(TestSecrets.Current));

        Assert.False(result.IsValid);
        Assert.Equal(WebhookHeaders.Signature, result.Header);
    }

    [Fact]
    public void Signature_over_a_reserialised_body_does_not_match_the_raw_bytes()
    {
        var raw = "{ \"subject\": \"骑手态度恶劣\" }"u8.ToArray();
        var compact = "{\"subject\":\"骑手态度恶劣\"}"u8.ToArray();
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).WithBody(compact).SignedWith(TestSecrets.Current).Build();

        var result = (delivery with { Body = raw }).VerifyWith(Verifier(TestSecrets.Current));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Signature_for_another_delivery_id_is_rejected()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();

        var result = (delivery with { Id = "msg_someone_else" }).VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Signature, result.Header);
    }

    [Theory]
    [InlineData("msg_<script>alert(1)</script>")]
    [InlineData("msg_a\tb")]
    [InlineData("msg_\"quoted\"")]
    [InlineData("msg_%0d%0aSet-Cookie")]
    [InlineData("msg with spaces")]
    public void A_webhook_id_with_characters_an_id_never_needs_is_rejected_naming_the_header(string id)
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).WithId(id).SignedWith(TestSecrets.Current).Build();

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current));

        Assert.False(result.IsValid);
        Assert.Equal(WebhookHeaders.Id, result.Header);
    }

    [Fact]
    public void A_webhook_id_longer_than_256_characters_is_rejected_and_a_uuid_or_256_characters_pass()
    {
        WebhookVerification Verify(string id) => WebhookDeliveryBuilder.At(TestSecrets.Now).WithId(id).SignedWith(TestSecrets.Current).Build().VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Id, Verify("msg_" + new string('a', 253)).Header);
        Assert.True(Verify("msg_" + new string('a', 252)).IsValid);
        Assert.True(Verify(Guid.NewGuid().ToString()).IsValid);
        Assert.True(Verify("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W/+=").IsValid);
    }

    [Theory]
    [InlineData(WebhookHeaders.Id)]
    [InlineData(WebhookHeaders.Timestamp)]
    [InlineData(WebhookHeaders.Signature)]
    public void Missing_header_is_rejected_naming_that_header(string header)
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();
        var without = header switch
        {
            WebhookHeaders.Id => delivery with { Id = null },
            WebhookHeaders.Timestamp => delivery with { Timestamp = "" },
            _ => delivery with { Signature = " " },
        };

        var result = without.VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(header, result.Header);
        Assert.Equal($"The {header} header is missing.", result.Detail);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1795426200.5")]
    [InlineData("-1795426200")]
    [InlineData("1.7954262E9")]
    [InlineData("2026-11-22T09:30:00Z")]
    [InlineData("99999999999999999999999")]
    public void Timestamp_that_is_not_unix_seconds_is_rejected(string timestamp)
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();

        var result = (delivery with { Timestamp = timestamp }).VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Timestamp, result.Header);
        Assert.Contains("unix seconds", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_signed_six_minutes_ago_is_rejected_saying_by_how_much()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();
        _clock.Advance(TimeSpan.FromMinutes(6));

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Timestamp, result.Header);
        Assert.StartsWith("The webhook-timestamp is 6 min old, 1 min beyond the 5 min tolerance.", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_signed_six_minutes_in_the_future_is_rejected_saying_by_how_much()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now.AddMinutes(6).AddSeconds(30)).SignedWith(TestSecrets.Current).Build();

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Timestamp, result.Header);
        Assert.StartsWith("The webhook-timestamp is 6 min 30 s in the future, 1 min 30 s beyond the 5 min tolerance.", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public void Delivery_signed_four_minutes_away_from_now_is_accepted(int minutes)
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now.AddMinutes(minutes)).SignedWith(TestSecrets.Current).Build();

        var result = delivery.VerifyWith(Verifier(TestSecrets.Current));

        Assert.True(result.IsValid, result.Detail);
    }

    [Fact]
    public void Configured_tolerance_replaces_the_five_minute_default()
    {
        var options = TestSecrets.Options(TestSecrets.Current);
        options.Tolerance = TimeSpan.FromMinutes(1);
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now.AddMinutes(-2)).SignedWith(TestSecrets.Current).Build();

        var result = delivery.VerifyWith(new WebhookVerifier(options, _clock));

        Assert.Equal(WebhookHeaders.Timestamp, result.Header);
    }

    [Fact]
    public void Header_with_only_other_signature_versions_is_rejected_as_having_no_v1_entry()
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();
        var v2Only = delivery with { Signature = delivery.Signature!.Replace("v1,", "v1a,", StringComparison.Ordinal) };

        var result = v2Only.VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Signature, result.Header);
        Assert.Contains("no v1 entry", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1")]
    [InlineData("v1, ,abc")]
    [InlineData("sha256=0123abcd")]
    public void Signature_header_that_is_not_a_list_of_version_comma_signature_is_rejected_as_malformed(string header)
    {
        var delivery = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();

        var result = (delivery with { Signature = header }).VerifyWith(Verifier(TestSecrets.Current));

        Assert.Equal(WebhookHeaders.Signature, result.Header);
        Assert.Contains("space-separated list of v1,<base64> entries", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_details_never_echo_a_secret_or_a_signature()
    {
        var good = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Current).Build();
        var wrong = WebhookDeliveryBuilder.At(TestSecrets.Now).SignedWith(TestSecrets.Stranger).Build();
        var verifier = Verifier(TestSecrets.Current);
        var failures = new[]
        {
            wrong.VerifyWith(verifier),
            (good with { Body = [.. good.Body, (byte)' '] }).VerifyWith(verifier),
            (good with { Signature = good.Signature!.Replace("v1,", "v9,", StringComparison.Ordinal) }).VerifyWith(verifier),
        };
        var secretKey = TestSecrets.Current["whsec_".Length..];

        Assert.All(failures, failure =>
        {
            Assert.False(failure.IsValid);
            Assert.DoesNotContain(secretKey, failure.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(good.Signature!["v1,".Length..], failure.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong.Signature!["v1,".Length..], failure.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Verifier_refuses_invalid_settings_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new WebhookVerifier(TestSecrets.Options("not-a-secret"), _clock));

        Assert.Contains("Webhook:Secrets:0 is not of the form whsec_<base64>", error.Message, StringComparison.Ordinal);
    }

    // Interop: the fixed vector of the official Standard Webhooks libraries' test suites, e.g.
    // standard-webhooks/standard-webhooks libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs (verifyWebhookSignWorks),
    // the same secret, id, timestamp, payload and expected signature in their Go, JavaScript and Python tests.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorPayload = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Signer_reproduces_the_official_libraries_test_vector()
    {
        var signature = new WebhookSigner(VectorSecret)
            .Sign(VectorId, DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp), Encoding.UTF8.GetBytes(VectorPayload));

        Assert.Equal(VectorSignature, signature);
    }

    [Fact]
    public void Verifier_accepts_the_official_libraries_test_vector()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp).AddSeconds(42));
        var verifier = new WebhookVerifier(TestSecrets.Options(VectorSecret), clock);

        var result = verifier.Verify(VectorId, "1614265330", VectorSignature, Encoding.UTF8.GetBytes(VectorPayload));

        Assert.True(result.IsValid, result.Detail);
    }
}
