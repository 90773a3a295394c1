using Azure.Core;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Email;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private const string Sender = "DoNotReply@contoso.azurecomm.net";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeCredential _credential = new(FakeAcsServer.Token);
    private readonly List<IDisposable> _transports = [];
    private FakeAcsServer _acs = null!;

    public async ValueTask InitializeAsync() => _acs = await FakeAcsServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _transports.ForEach(t => t.Dispose());
        await _acs.DisposeAsync();
    }

    [Fact]
    public async Task Email_goes_to_emails_send_with_the_schema_a_bearer_token_for_the_acs_scope_and_a_guid_operation_id()
    {
        var message = EmailMessageBuilder.ChineseOutcome("C-202611-ACS01").Build();

        await NewSender().SendAsync(message, _ct);

        var send = Assert.Single(_acs.Accepted);
        Assert.Equal("/emails:send", send.Path);
        Assert.Equal("2023-03-31", send.ApiVersion);
        Assert.Equal("Bearer " + FakeAcsServer.Token, send.Authorization);
        Assert.Equal(["https://communication.azure.com//.default"], _credential.Scopes.Distinct());
        Assert.Equal(AcsEmailSender.OperationIdFor(message.MessageId).ToString("D"), send.OperationId);

        var body = send.Json;
        Assert.Equal(Sender, (string?)body["senderAddress"]);
        var to = Assert.Single(body["recipients"]!["to"]!.AsArray());
        Assert.Equal("lilei@example.com", (string?)to!["address"]);
        Assert.Equal("李雷", (string?)to["displayName"]);
        Assert.Equal(message.Subject, (string?)body["content"]!["subject"]);
        Assert.Equal(message.TextBody, (string?)body["content"]!["plainText"]);
        Assert.Equal(message.HtmlBody, (string?)body["content"]!["html"]);
        Assert.Contains(EmailMessageBuilder.ActionUrl, (string?)body["content"]!["plainText"], StringComparison.Ordinal);
        Assert.Equal("C-202611-ACS01", (string?)body["headers"]!["X-ComplaintFlow-Complaint"]);
        Assert.Equal("Outcome", (string?)body["headers"]!["X-ComplaintFlow-Kind"]);
        Assert.True((bool?)body["userEngagementTrackingDisabled"]);

        // The status was read after the send was accepted, until the service reported Succeeded.
        var last = _acs.Requests[^1];
        Assert.Equal(("GET", 200), (last.Method, last.Status));
        Assert.EndsWith(send.OperationId, last.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_send_of_an_accepted_email_follows_the_operation_instead_of_sending_again()
    {
        var message = EmailMessageBuilder.ChineseOutcome().Build();
        var sender = NewSender();

        await sender.SendAsync(message, _ct);
        await sender.SendAsync(message, _ct);
        await NewSender().SendAsync(message, _ct);

        Assert.Single(_acs.Sends);
    }

    [Fact]
    public async Task Different_emails_get_different_operation_ids()
    {
        await NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().WithId("C-1.outcome.r1").Build(), _ct);
        await NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().WithId("C-1.outcome.r2").Build(), _ct);

        Assert.Equal(2, _acs.Accepted.Select(s => s.OperationId).Distinct().Count());
    }

    [Fact]
    public async Task Throttled_send_is_retried_after_the_services_retry_after()
    {
        _acs.ThrottleNext(retryAfterSeconds: 1);

        await NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().Build(), _ct);

        Assert.Equal([429, 202], _acs.Sends.Select(s => s.Status));
        Assert.True(_acs.Sends[1].At - _acs.Sends[0].At >= TimeSpan.FromMilliseconds(900), "the retry came before Retry-After");
        Assert.Single(_acs.Accepted.Select(s => s.OperationId).Distinct());
    }

    [Fact]
    public async Task Server_error_is_retried_after_the_services_retry_after()
    {
        _acs.FailNext(retryAfterSeconds: 1);

        await NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().Build(), _ct);

        Assert.Equal([500, 202], _acs.Sends.Select(s => s.Status));
        Assert.True(_acs.Sends[1].At - _acs.Sends[0].At >= TimeSpan.FromMilliseconds(900), "the retry came before Retry-After");
    }

    [Fact]
    public async Task Server_errors_past_the_retries_fail_as_transient()
    {
        _acs.FailNext().FailNext().FailNext().FailNext();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().Build(), _ct));

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("An unexpected error occurred.", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _acs.Sends.Count);
    }

    [Fact]
    public async Task Refused_email_fails_for_good_with_the_services_error_text_and_the_recipient_masked()
    {
        _acs.RejectNext(400, "InvalidRecipientAddress", "The recipient lilei@example.com is not a deliverable address.");
        var message = EmailMessageBuilder.ChineseOutcome().Build();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => NewSender().SendAsync(message, _ct));

        Assert.False(error.IsTransient);
        Assert.Contains("HTTP 400 InvalidRecipientAddress: The recipient l***@example.com is not a deliverable address.", error.Message, StringComparison.Ordinal);
        Assert.Contains(message.MessageId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lilei@", error.Message, StringComparison.Ordinal);
        Assert.Single(_acs.Sends);
    }

    [Fact]
    public async Task Failed_operation_is_a_permanent_failure_with_the_services_message()
    {
        _acs.AcceptNext().FailedNext("EmailDropped", "Email was dropped after several attempts to deliver.");

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().Build(), _ct));

        Assert.False(error.IsTransient);
        Assert.Contains("Failed: EmailDropped: Email was dropped after several attempts to deliver.", error.Message, StringComparison.Ordinal);
        Assert.Single(_acs.Sends);
    }

    [Fact]
    public async Task Running_operation_is_polled_after_the_services_retry_after()
    {
        _acs.AcceptNext().RunningNext(retryAfterSeconds: 1);

        await NewSender().SendAsync(EmailMessageBuilder.ChineseOutcome().Build(), _ct);

        var reads = _acs.Requests.Where(r => r.Method == "GET" && r.Status == 200).ToList();
        Assert.Equal(2, reads.Count);
        Assert.True(reads[1].At - reads[0].At >= TimeSpan.FromMilliseconds(900), "the poll came before retry-after");
    }

    [Fact]
    public async Task Operation_still_running_at_max_wait_fails_as_transient_and_a_retry_does_not_send_again()
    {
        _acs.AcceptNext().RunningNext(1).RunningNext(1).RunningNext(1);
        var message = EmailMessageBuilder.ChineseOutcome().Build();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => NewSender(maxWait: TimeSpan.FromSeconds(1.5)).SendAsync(message, _ct));
        Assert.True(error.IsTransient);
        Assert.Contains("Running", error.Message, StringComparison.Ordinal);

        await NewSender().SendAsync(message, _ct);
        Assert.Single(_acs.Sends);
    }

    [Fact]
    public void Operation_id_is_a_name_based_uuid_stable_per_message_id()
    {
        // RFC 9562 version 5 in the DNS namespace, checked against Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), AcsEmailSender.NameBasedUuid(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));

        var id = AcsEmailSender.OperationIdFor("C-202611-02K7M3QX9A.outcome.r1");
        Assert.Equal(id, AcsEmailSender.OperationIdFor("C-202611-02K7M3QX9A.outcome.r1"));
        Assert.NotEqual(id, AcsEmailSender.OperationIdFor("C-202611-02K7M3QX9A.outcome.r2"));
        Assert.Equal(5, id.Version);
    }

    [Fact]
    public void Acs_transport_picks_the_acs_sender_for_every_host()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Acs",
            ["Email:From"] = Sender,
            ["Email:Acs:Endpoint"] = "https://my-acs.communication.azure.com",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TokenCredential>(_credential);
        services.AddComplaintFlow(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AcsEmailSender>(provider.GetRequiredService<IEmailSender>());
    }

    private AcsEmailSender NewSender(TimeSpan? maxWait = null)
    {
        var transport = _acs.TrustingTransport();
        _transports.Add(transport);
        var clientOptions = new AcsEmailClientOptions { Transport = transport };
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(20);
        clientOptions.Retry.MaxRetries = 3;
        var options = new EmailOptions
        {
            Transport = EmailTransport.Acs,
            From = Sender,
            Acs = new AcsOptions { Endpoint = _acs.Endpoint, MaxWait = maxWait ?? TimeSpan.FromSeconds(30) },
        };
        return new AcsEmailSender(Options.Create(options), _credential, TimeProvider.System, NullLogger<AcsEmailSender>.Instance, clientOptions);
    }

    /// <summary>A token credential that hands out a fixed token and records the scopes it was asked for.</summary>
    private sealed class FakeCredential(string token) : TokenCredential
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _scopes = new();

        public IReadOnlyList<string> Scopes => [.. _scopes];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                _scopes.Enqueue(scope);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
