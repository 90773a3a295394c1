using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using ComplaintFlow.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Infrastructure.Email;

/// <summary>
/// Sends mail through the Azure Communication Services Email REST API (<c>POST {endpoint}/emails:send</c>,
/// api-version <see cref="ApiVersion"/>) on Azure.Core's <see cref="HttpPipeline"/>, with an Entra ID bearer token for
/// <see cref="TokenScope"/>, then polls the operation until the service reports it <c>Succeeded</c>.
/// </summary>
/// <remarks>
/// <para>
/// Sending twice: the request carries <c>Operation-Id</c> = <see cref="OperationIdFor"/>(<see cref="EmailMessage.MessageId"/>),
/// a GUID that is the same on every attempt. The API documents that header only as the client's id for the operation
/// (whose status is then at <c>/emails/operations/{id}</c>), not that a second send with the same id is dropped. So
/// the sender does not rely on that: before sending it asks for the status of that operation, and when the service
/// knows it (an earlier attempt was accepted) it follows that operation instead of sending again. Azure.Core retries
/// the send itself only after a 408, 429 or 5xx answer (the service did not take it); a send that got no answer at
/// all is not repeated in place but fails as transient, and the activity's retry checks the status first.
/// </para>
/// <para>
/// Failures throw <see cref="EmailDeliveryException"/>: transient for 408/429/5xx (after Azure.Core's retries, each
/// after the service's <c>Retry-After</c>), network errors and <see cref="AcsOptions.MaxWait"/> running out; permanent
/// for other 4xx answers and for a <c>Failed</c> or <c>Canceled</c> operation, with the service's error code and text.
/// Messages and logs name the email by kind and id and the recipient only masked.
/// </para>
/// </remarks>
public sealed partial class AcsEmailSender : IEmailSender
{
    /// <summary>The REST API version this sender speaks.</summary>
    public const string ApiVersion = "2023-03-31";

    /// <summary>
    /// The Entra ID scope of the Communication Services data plane, as the ACS SDK asks for it
    /// (azure-sdk-for-net <c>sdk/communication/Shared/src/ClientOptionsExtensions.cs</c>); the double slash is theirs.
    /// </summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    private const string OperationIdHeader = "Operation-Id";
    private const int MaxErrorTextLength = 500;

    /// <summary>The namespace of <see cref="OperationIdFor"/>. Fixed for good: changing it gives every email a new Operation-Id.</summary>
    private static readonly Guid OperationIdNamespace = new("56cd9511-266a-4a98-9780-00061ec61908");

    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>For the send: retry 408, 429 and 5xx answers, but not a send that got no answer (it may have been taken).</summary>
    private static readonly ResponseClassifier SendClassifier = new AcsResponseClassifier(retryWithoutAnswer: false);

    /// <summary>For status reads, which change nothing: also retry after network errors and timeouts.</summary>
    private static readonly ResponseClassifier ReadClassifier = new AcsResponseClassifier(retryWithoutAnswer: true);

    private readonly EmailOptions _options;
    private readonly Uri _endpoint;
    private readonly HttpPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<AcsEmailSender> _logger;

    public AcsEmailSender(IOptions<EmailOptions> options, TokenCredential credential, TimeProvider time, ILogger<AcsEmailSender> logger)
        : this(options, credential, time, logger, new AcsEmailClientOptions())
    {
    }

    /// <param name="options">The email settings; <see cref="AcsOptions.Endpoint"/> is required.</param>
    /// <param name="credential">The app's identity, e.g. <c>DefaultAzureCredential</c>; asked for <see cref="TokenScope"/>.</param>
    /// <param name="time">The clock for polling waits and <see cref="AcsOptions.MaxWait"/>.</param>
    /// <param name="logger">Where sends and failures are logged, without personal data.</param>
    /// <param name="clientOptions">Azure.Core retry and transport settings.</param>
    public AcsEmailSender(IOptions<EmailOptions> options, TokenCredential credential, TimeProvider time, ILogger<AcsEmailSender> logger, AcsEmailClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(clientOptions);
        _options = options.Value;
        _endpoint = _options.Acs.Endpoint ?? throw new ArgumentException("Email:Acs:Endpoint is required by the ACS sender.", nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, TokenScope));
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageId, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To, nameof(message));
        var send = new Send(message, OperationIdFor(message.MessageId).ToString("D"), PersonalData.MaskEmail(message.To));
        var maxWait = _options.Acs.MaxWait;
        var deadline = _time.GetUtcNow() + maxWait;
        using var budget = new CancellationTokenSource(maxWait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            var statusUri = StatusUri(send.OperationId);
            var pollUri = statusUri;
            var status = await ReadStatusAsync(statusUri, send, linked.Token);
            if (status is null)
            {
                (pollUri, status) = await StartAsync(send, statusUri, linked.Token);
            }
            else
            {
                LogAlreadyAccepted(_logger, message.Kind, message.MessageId, send.OperationId, status.Value);
            }

            status = await PollAsync(pollUri, status, send, deadline, linked.Token);
            if (!status.Succeeded)
            {
                throw Fail(send, transient: false, $"the service reports the send {status.Value}: {status.Error ?? "no reason given"}");
            }
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Fail(send, transient: true, budget.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"no final answer within Email:Acs:MaxWait ({maxWait})")
                : $"timed out: {ex.Message}");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException or AggregateException)
        {
            throw Fail(send, transient: true, $"{ex.GetType().Name}: {ex.Message}");
        }

        LogSent(_logger, message.Kind, message.MessageId, send.Recipient, send.OperationId);
    }

    /// <summary>
    /// The <c>Operation-Id</c> for a message id: a name-based (version 5, SHA-1) UUID per RFC 9562 §5.5 in a namespace of
    /// our own, because the header must be a GUID and ours is not; the same message id always gives the same GUID.
    /// </summary>
    public static Guid OperationIdFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return NameBasedUuid(OperationIdNamespace, messageId);
    }

    internal static Guid NameBasedUuid(Guid ns, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private async Task<(Uri PollUri, SendStatus Status)> StartAsync(Send send, Uri statusUri, CancellationToken ct)
    {
        using var http = _pipeline.CreateMessage();
        http.ResponseClassifier = SendClassifier;
        var request = http.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/emails:send", escape: false);
        request.Uri.AppendQuery("api-version", ApiVersion, escapeValue: true);
        request.Headers.Add(OperationIdHeader, send.OperationId);
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(Body(send.Message));
        await _pipeline.SendAsync(http, ct);

        var response = http.Response;
        switch (response.Status)
        {
            case 202:
                var location = PollUri(response, statusUri);
                return (location, ReadStatus(response) ?? SendStatus.NotVisibleYet(RetryAfter(response)));
            case 409:
                // Not documented for this api-version; read as "an operation with this id exists", which the status shows.
                LogConflict(_logger, send.Message.Kind, send.Message.MessageId, send.OperationId);
                return (statusUri, SendStatus.NotVisibleYet(RetryAfter(response)));
            default:
                throw Fail(send, IsTransient(response.Status), Describe(response, send.Message));
        }
    }

    /// <summary>The operation's status, or null when the service does not know it (404).</summary>
    private async Task<SendStatus?> ReadStatusAsync(Uri uri, Send send, CancellationToken ct)
    {
        using var http = _pipeline.CreateMessage();
        http.ResponseClassifier = ReadClassifier;
        http.Request.Method = RequestMethod.Get;
        http.Request.Uri.Reset(uri);
        http.Request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        await _pipeline.SendAsync(http, ct);

        var response = http.Response;
        return response.Status switch
        {
            200 => ReadStatus(response) ?? throw Fail(send, transient: true, "the status answer has no status"),
            404 => null,
            _ => throw Fail(send, IsTransient(response.Status), Describe(response, send.Message)),
        };
    }

    private async Task<SendStatus> PollAsync(Uri uri, SendStatus status, Send send, DateTimeOffset deadline, CancellationToken ct)
    {
        while (!status.IsFinal)
        {
            var wait = status.RetryAfter ?? DefaultPollInterval;
            if (_time.GetUtcNow() + wait > deadline)
            {
                throw Fail(send, transient: true, string.Create(
                    CultureInfo.InvariantCulture,
                    $"the send is still {status.Value} and the service asks to wait {wait} more, past Email:Acs:MaxWait ({_options.Acs.MaxWait}); a retry follows the same operation"));
            }

            await Task.Delay(wait, _time, ct);
            status = await ReadStatusAsync(uri, send, ct) ?? SendStatus.NotVisibleYet(null);
        }

        return status;
    }

    private Uri StatusUri(string operationId)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(_endpoint);
        uri.AppendPath("/emails/operations/", escape: false);
        uri.AppendPath(operationId, escape: true);
        uri.AppendQuery("api-version", ApiVersion, escapeValue: true);
        return uri.ToUri();
    }

    /// <summary>The <c>Operation-Location</c> to poll, unless it points away from the endpoint: our token goes to the endpoint only.</summary>
    private Uri PollUri(Response response, Uri statusUri)
    {
        if (response.Headers.TryGetValue("Operation-Location", out var location)
            && Uri.TryCreate(location, UriKind.Absolute, out var uri)
            && Uri.Compare(uri, _endpoint, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return uri;
        }

        LogOwnStatusUri(_logger, location is null ? "missing" : "on another host");
        return statusUri;
    }

    /// <summary>The request body, per the API's <c>EmailMessage</c> schema.</summary>
    private BinaryData Body(EmailMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("senderAddress", _options.From);
            json.WriteStartObject("recipients");
            json.WriteStartArray("to");
            json.WriteStartObject();
            json.WriteString("address", message.To.Trim());
            if (!string.IsNullOrWhiteSpace(message.ToName))
            {
                json.WriteString("displayName", message.ToName);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("content");
            json.WriteString("subject", message.Subject);
            json.WriteString("plainText", message.TextBody);
            json.WriteString("html", message.HtmlBody);
            json.WriteEndObject();
            json.WriteStartObject("headers");
            json.WriteString("X-ComplaintFlow-Kind", message.Kind.ToString());
            if (!string.IsNullOrWhiteSpace(message.ComplaintId))
            {
                json.WriteString("X-ComplaintFlow-Complaint", message.ComplaintId);
            }

            json.WriteEndObject();

            // Workflow mail carries signed decision links; they are not rewritten for click tracking, nor opens counted.
            json.WriteBoolean("userEngagementTrackingDisabled", true);
            json.WriteEndObject();
        }

        return new BinaryData(buffer.WrittenMemory);
    }

    private static SendStatus? ReadStatus(Response response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("status", out var status)
                || status.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var error = json.RootElement.TryGetProperty("error", out var detail) ? ErrorText(detail) : null;
            return new SendStatus(status.GetString()!, error, RetryAfter(response));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>{status} {code}: {message}</c> from the ACS error body (<c>{"error":{"code","message"}}</c>) or, lacking one, the headers.</summary>
    private static string Describe(Response response, EmailMessage message)
    {
        string? text = null;
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
            {
                text = ErrorText(error);
            }
        }
        catch (JsonException)
        {
        }

        if (text is null)
        {
            var code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header + ": " : string.Empty;
            text = code + (string.IsNullOrEmpty(response.ReasonPhrase) ? "no error text" : response.ReasonPhrase);
        }

        return string.Create(CultureInfo.InvariantCulture, $"HTTP {response.Status} {Scrub(text, message)}");
    }

    private static string? ErrorText(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var text = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return code is null && text is null ? null : $"{code ?? "Error"}: {text ?? "no message"}";
    }

    /// <summary>The service may quote the recipient back; error texts end up in logs and workflow history, so mask it.</summary>
    private static string Scrub(string text, EmailMessage message)
    {
        var scrubbed = text.Replace(message.To.Trim(), PersonalData.MaskEmail(message.To), StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(message.ToName))
        {
            scrubbed = scrubbed.Replace(message.ToName.Trim(), "***", StringComparison.OrdinalIgnoreCase);
        }

        return scrubbed.Length <= MaxErrorTextLength ? scrubbed : scrubbed[..MaxErrorTextLength] + "…";
    }

    /// <summary><c>Retry-After</c> in seconds (the API's form), or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return response.Headers.Date is { } now && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at > now
            ? at - now
            : null;
    }

    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    private EmailDeliveryException Fail(Send send, bool transient, string what)
    {
        var scrubbed = Scrub(what, send.Message);
        LogFailed(_logger, send.Message.Kind, send.Message.MessageId, send.Recipient, send.OperationId, transient, scrubbed);
        return new EmailDeliveryException(
            $"ACS delivery of {send.Message.Kind} email {send.Message.MessageId} to {send.Recipient} (operation {send.OperationId}) failed: {scrubbed}", transient);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email {MessageId} to {Recipient} by ACS (operation {OperationId})")]
    private static partial void LogSent(ILogger logger, EmailKind kind, string messageId, string recipient, string operationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} email {MessageId} was already accepted by ACS (operation {OperationId}, {Status}); following it instead of sending again")]
    private static partial void LogAlreadyAccepted(ILogger logger, EmailKind kind, string messageId, string operationId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS answered 409 to {Kind} email {MessageId} (operation {OperationId}); following that operation")]
    private static partial void LogConflict(ILogger logger, EmailKind kind, string messageId, string operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS Operation-Location {Why}; polling the endpoint's own status address instead")]
    private static partial void LogOwnStatusUri(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Kind} email {MessageId} to {Recipient} by ACS (operation {OperationId}, transient: {Transient}): {What}")]
    private static partial void LogFailed(ILogger logger, EmailKind kind, string messageId, string recipient, string operationId, bool transient, string what);

    private sealed record Send(EmailMessage Message, string OperationId, string Recipient);

    /// <summary>An operation's state as the service reports it: <c>NotStarted</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Canceled</c>.</summary>
    private sealed record SendStatus(string Value, string? Error, TimeSpan? RetryAfter)
    {
        public bool Succeeded => Value.Equals("Succeeded", StringComparison.OrdinalIgnoreCase);

        public bool IsFinal => Succeeded
            || Value.Equals("Failed", StringComparison.OrdinalIgnoreCase)
            || Value.Equals("Canceled", StringComparison.OrdinalIgnoreCase);

        /// <summary>Accepted, or about to be visible, with no status read yet.</summary>
        public static SendStatus NotVisibleYet(TimeSpan? retryAfter) => new("NotStarted", null, retryAfter);
    }

    private sealed class AcsResponseClassifier(bool retryWithoutAnswer) : ResponseClassifier
    {
        public override bool IsRetriableResponse(HttpMessage message) => IsTransient(message.Response.Status);

        public override bool IsRetriable(HttpMessage message, Exception exception) => retryWithoutAnswer && base.IsRetriable(message, exception);
    }
}
