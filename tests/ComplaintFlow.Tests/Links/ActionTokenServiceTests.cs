using ComplaintFlow.Infrastructure.Links;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Links;

public sealed class ActionTokenServiceTests
{
    private const string ComplaintA = "C-202611-02K7M3QX9A";
    private const string ComplaintB = "C-202611-02K7M3QX9B";
    private const string Agent = "agent-zhang-wei";
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly FakeTimeProvider _clock = new(TestLinks.Now);

    private ActionTokenService Service(params string[] keys) => new(TestLinks.Options(keys), _clock);

    [Fact]
    public void Issued_token_validates_to_the_claims_it_was_issued_for()
    {
        var service = Service(TestLinks.NewKey);

        var token = service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, generation: 2);
        var result = service.Validate(token);

        Assert.Equal(TokenStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(ComplaintA, result.Claims.ComplaintId);
        Assert.Equal(ActionPurpose.AgentDecision, result.Claims.Purpose);
        Assert.Equal(Agent, result.Claims.Recipient);
        Assert.Equal(2, result.Claims.Generation);
        Assert.Equal(TestLinks.Now.AddDays(7), result.Claims.ExpiresAt);
        Assert.Equal(22, result.Claims.Nonce.Length);
    }

    [Theory]
    [InlineData(ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient, 0)]
    [InlineData(ActionPurpose.CustomerInformation, ActionClaims.CustomerRecipient, 1)]
    [InlineData(ActionPurpose.AgentDecision, "负责人-李", 300_000)]
    public void Every_purpose_recipient_and_generation_survives_the_round_trip(ActionPurpose purpose, string recipient, int generation)
    {
        var service = Service(TestLinks.NewKey);

        var result = service.Validate(service.Issue(ComplaintA, purpose, recipient, generation));

        Assert.True(result.IsValid);
        Assert.Equal((purpose, recipient, generation), (result.Claims.Purpose, result.Claims.Recipient, result.Claims.Generation));
    }

    [Fact]
    public void Each_link_gets_its_own_nonce()
    {
        var service = Service(TestLinks.NewKey);

        var first = service.Validate(service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 0));
        var second = service.Validate(service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 0));

        Assert.NotEqual(first.Claims!.Nonce, second.Claims!.Nonce);
    }

    [Fact]
    public void Link_is_the_actions_route_under_the_base_url_and_stays_short()
    {
        var options = TestLinks.Options(TestLinks.NewKey);
        options.BaseUrl = "https://func-complaintflow-prod-x7k2.azurewebsites.net/";
        var service = new ActionTokenService(options, _clock);
        var token = service.Issue(ComplaintA, ActionPurpose.AgentDecision, "agent-0123456789-team-lead", 12);

        var link = service.LinkFor(token);

        Assert.Equal("https://func-complaintflow-prod-x7k2.azurewebsites.net/api/actions/" + token, link.AbsoluteUri);
        Assert.True(link.AbsoluteUri.Length < 200, $"{link.AbsoluteUri.Length} characters: {link}");
        Assert.All(token, c => Assert.Contains(c, Base64UrlAlphabet + "."));
    }

    [Fact]
    public void Link_signed_with_the_older_key_still_validates_after_rotation()
    {
        var token = Service(TestLinks.OldKey).Issue(ComplaintA, ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient, 0);

        var result = Service(TestLinks.NewKey, TestLinks.OldKey).Validate(token);

        Assert.Equal(TokenStatus.Valid, result.Status);
    }

    [Fact]
    public void New_links_are_signed_with_the_newest_key()
    {
        var token = Service(TestLinks.NewKey, TestLinks.OldKey).Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 0);

        Assert.Equal(TokenStatus.Valid, Service(TestLinks.NewKey).Validate(token).Status);
        Assert.Equal(TokenStatus.Tampered, Service(TestLinks.OldKey).Validate(token).Status);
    }

    [Fact]
    public void Link_signed_with_a_key_we_do_not_hold_is_tampered()
    {
        var token = Service(TestLinks.ForeignKey).Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 0);

        var result = Service(TestLinks.NewKey, TestLinks.OldKey).Validate(token);

        Assert.Equal(TokenStatus.Tampered, result.Status);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Changing_any_single_character_never_yields_a_valid_token()
    {
        var service = Service(TestLinks.NewKey);
        var token = service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 1);
        var outcomes = new HashSet<TokenStatus>();

        for (var position = 0; position < token.Length; position++)
        {
            foreach (var replacement in Base64UrlAlphabet + ".=+/ ")
            {
                if (replacement == token[position])
                {
                    continue;
                }

                var altered = string.Concat(token.AsSpan(0, position), [replacement], token.AsSpan(position + 1));
                var status = service.Validate(altered).Status;
                Assert.True(status is TokenStatus.Tampered or TokenStatus.Malformed, $"'{replacement}' at {position} gave {status}");
                outcomes.Add(status);
            }
        }

        Assert.Equal([TokenStatus.Malformed, TokenStatus.Tampered], outcomes.Order());
    }

    [Fact]
    public void Payload_of_one_link_with_the_signature_of_another_is_tampered()
    {
        var service = Service(TestLinks.NewKey);
        var forA = service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 0);
        var forB = service.Issue(ComplaintB, ActionPurpose.AgentDecision, Agent, 0);

        var spliced = forB.Split('.')[0] + "." + forA.Split('.')[1];

        Assert.Equal(TokenStatus.Tampered, service.Validate(spliced).Status);
    }

    [Fact]
    public void Link_issued_for_complaint_A_names_complaint_A_so_it_cannot_act_on_complaint_B()
    {
        var service = Service(TestLinks.NewKey);
        var forA = service.Issue(ComplaintA, ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient, 0);
        service.Issue(ComplaintB, ActionPurpose.CustomerConfirmation, ActionClaims.CustomerRecipient, 0);

        var result = service.Validate(forA);

        Assert.True(result.IsValid);
        Assert.Equal(ComplaintA, result.Claims.ComplaintId);
        Assert.NotEqual(ComplaintB, result.Claims.ComplaintId);
    }

    [Fact]
    public void Link_works_until_its_lifetime_has_passed_then_is_expired_with_its_claims()
    {
        var service = Service(TestLinks.NewKey);
        var token = service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 3);

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var lastSecond = service.Validate(token);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = service.Validate(token);

        Assert.Equal(TokenStatus.Valid, lastSecond.Status);
        Assert.Equal(TokenStatus.Expired, expired.Status);
        Assert.Equal((ComplaintA, 3), (expired.Claims!.ComplaintId, expired.Claims.Generation));
    }

    [Fact]
    public void Configured_lifetime_replaces_the_seven_day_default()
    {
        var options = TestLinks.Options(TestLinks.NewKey);
        options.Lifetime = TimeSpan.FromHours(48);
        var service = new ActionTokenService(options, _clock);
        var token = service.Issue(ComplaintA, ActionPurpose.CustomerInformation, ActionClaims.CustomerRecipient, 0);

        _clock.Advance(TimeSpan.FromHours(48));

        Assert.Equal(TokenStatus.Expired, service.Validate(token).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("a.b.c")]
    [InlineData("%7B%7D.%7B%7D")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public void Text_that_is_not_a_token_is_malformed(string? text)
    {
        Assert.Equal(TokenStatus.Malformed, Service(TestLinks.NewKey).Validate(text).Status);
    }

    [Fact]
    public void Very_long_text_is_malformed()
    {
        Assert.Equal(TokenStatus.Malformed, Service(TestLinks.NewKey).Validate(new string('A', 10_000) + "." + new string('A', 43)).Status);
    }

    [Fact]
    public void Issue_refuses_what_a_link_cannot_carry()
    {
        var service = Service(TestLinks.NewKey);

        Assert.Throws<ArgumentException>(() => service.Issue(" ", ActionPurpose.AgentDecision, Agent, 0));
        Assert.Throws<ArgumentException>(() => service.Issue(ComplaintA, ActionPurpose.AgentDecision, new string('x', 65), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.Issue(ComplaintA, (ActionPurpose)99, Agent, 0));
    }

    [Fact]
    public void Service_refuses_invalid_settings_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActionTokenService(TestLinks.Options(), _clock));

        Assert.Contains("Links:Keys must contain at least one signing key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csrf_value_is_bound_to_the_link_it_was_issued_for_and_survives_a_key_rotation()
    {
        var before = Service(TestLinks.OldKey);
        var tokenA = before.Issue(ComplaintA, ActionPurpose.AgentDecision, Agent, 0);
        var tokenB = before.Issue(ComplaintB, ActionPurpose.AgentDecision, Agent, 0);
        var csrf = before.IssueCsrf(tokenA);
        var rotated = Service(TestLinks.NewKey, TestLinks.OldKey);

        Assert.True(before.IsCsrfFor(tokenA, csrf));
        Assert.True(rotated.IsCsrfFor(tokenA, csrf));
        Assert.False(before.IsCsrfFor(tokenB, csrf));
        Assert.False(Service(TestLinks.NewKey).IsCsrfFor(tokenA, csrf));
        Assert.False(before.IsCsrfFor(tokenA, csrf[..^2] + (csrf[^2] == 'A' ? "B" : "A") + csrf[^1]));
        Assert.False(before.IsCsrfFor(tokenA, "made-up"));
    }
}
