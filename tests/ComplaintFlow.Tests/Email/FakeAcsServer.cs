using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Tests.Email;

/// <summary>
/// The ACS Email REST API (2023-03-31) as a local HTTPS server on a free loopback port, with a certificate made for the
/// test run. It checks what the service would, refusing like the service does (401, 400 with an ACS error body): the
/// path, <c>api-version</c>, the bearer token, a GUID <c>Operation-Id</c> and the request body against the API's
/// <c>EmailMessage</c> schema. It answers send requests and status reads from cues the test queues (202 by default,
/// then <c>Succeeded</c>), and remembers accepted operations by id, as the service's status endpoint does.
/// </summary>
internal sealed class FakeAcsServer : IAsyncDisposable
{
    public const string Token = "fake-entra-token-3f9c";
    public const string ApiVersion = "2023-03-31";

    private static readonly HashSet<string> MessageProperties = ["headers", "senderAddress", "content", "recipients", "attachments", "replyTo", "userEngagementTrackingDisabled"];
    private static readonly HashSet<string> ContentProperties = ["subject", "plainText", "html"];
    private static readonly HashSet<string> RecipientsProperties = ["to", "cc", "bcc"];
    private static readonly HashSet<string> AddressProperties = ["address", "displayName"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, string, Task>> _sendCues = new();
    private readonly ConcurrentQueue<Func<HttpContext, string, Task>> _statusCues = new();
    private readonly ConcurrentDictionary<string, bool> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private FakeAcsServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>The server's certificate: a client trusts exactly this one (see <see cref="TrustingTransport"/>).</summary>
    public X509Certificate2 Certificate { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request in arrival order, including refused ones.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>The send requests the server accepted with 202, with their parsed bodies.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => [.. _requests.Where(r => r.IsSend && r.Status == 202)];

    public IReadOnlyList<ReceivedRequest> Sends => [.. _requests.Where(r => r.IsSend)];

    public static async Task<FakeAcsServer> StartAsync(CancellationToken ct)
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeAcsServer(app, certificate);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address);
        return server;
    }

    /// <summary>An Azure.Core transport that accepts this server's certificate and no other.</summary>
    public Azure.Core.Pipeline.HttpClientTransport TrustingTransport()
    {
        var thumbprint = Certificate.Thumbprint;
#pragma warning disable CA2000 // The transport owns and disposes the handler.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.Thumbprint == thumbprint,
        };
#pragma warning restore CA2000
        return new Azure.Core.Pipeline.HttpClientTransport(handler);
    }

    /// <summary>The next send answers 202 with <c>Operation-Location</c> (and remembers the operation).</summary>
    public FakeAcsServer AcceptNext(int retryAfterSeconds = 0)
    {
        _sendCues.Enqueue((context, operationId) => AcceptAsync(context, operationId, retryAfterSeconds));
        return this;
    }

    /// <summary>The next send answers 429 Too Many Requests with <c>Retry-After</c>.</summary>
    public FakeAcsServer ThrottleNext(int retryAfterSeconds)
    {
        _sendCues.Enqueue((context, _) =>
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ErrorAsync(context, 429, "TooManyRequests", "The request was throttled; try again later.");
        });
        return this;
    }

    /// <summary>The next send answers 500 with an ACS error body.</summary>
    public FakeAcsServer FailNext(int? retryAfterSeconds = null)
    {
        _sendCues.Enqueue((context, _) =>
        {
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return ErrorAsync(context, 500, "InternalServerError", "An unexpected error occurred.");
        });
        return this;
    }

    /// <summary>The next send is refused with <paramref name="status"/> and an ACS error body.</summary>
    public FakeAcsServer RejectNext(int status, string code, string message)
    {
        _sendCues.Enqueue((context, _) => ErrorAsync(context, status, code, message));
        return this;
    }

    /// <summary>The next status read of a known operation answers <c>Running</c> with <c>retry-after</c>.</summary>
    public FakeAcsServer RunningNext(int retryAfterSeconds)
    {
        _statusCues.Enqueue((context, operationId) =>
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return StatusAsync(context, operationId, "Running", error: null);
        });
        return this;
    }

    /// <summary>The next status read of a known operation answers <c>Failed</c> with an error.</summary>
    public FakeAcsServer FailedNext(string code, string message)
    {
        _statusCues.Enqueue((context, operationId) => StatusAsync(context, operationId, "Failed", new JsonObject { ["code"] = code, ["message"] = message }));
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-ms-error-code"] = code;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }

    private static async Task StatusAsync(HttpContext context, string operationId, string status, JsonObject? error)
    {
        var body = new JsonObject { ["id"] = operationId, ["status"] = status };
        if (error is not null)
        {
            body["error"] = error;
        }

        await context.Response.WriteAsJsonAsync(body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var received = new ReceivedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.Query["api-version"].ToString(),
            request.Headers.Authorization.ToString(),
            request.Headers["Operation-Id"].ToString(),
            request.ContentType,
            body,
            DateTimeOffset.UtcNow);
        try
        {
            await AnswerAsync(context, received);
        }
        finally
        {
            _requests.Enqueue(received with { Status = context.Response.StatusCode });
        }
    }

    private async Task AnswerAsync(HttpContext context, ReceivedRequest request)
    {
        if (request.Authorization != "Bearer " + Token)
        {
            await ErrorAsync(context, 401, "Unauthorized", "The request is not authorized: a bearer token for the Communication Services scope is required.");
            return;
        }

        if (request.ApiVersion != ApiVersion)
        {
            await ErrorAsync(context, 400, "UnsupportedApiVersion", $"The api-version '{request.ApiVersion}' is not supported.");
            return;
        }

        if (request.IsSend)
        {
            await SendAsync(context, request);
        }
        else if (request.Method == "GET" && request.Path.StartsWith("/emails/operations/", StringComparison.Ordinal))
        {
            var operationId = request.Path["/emails/operations/".Length..];
            if (!_operations.ContainsKey(operationId))
            {
                await ErrorAsync(context, 404, "NotFound", $"Operation {operationId} was not found.");
            }
            else if (_statusCues.TryDequeue(out var cue))
            {
                await cue(context, operationId);
            }
            else
            {
                await StatusAsync(context, operationId, "Succeeded", error: null);
            }
        }
        else
        {
            await ErrorAsync(context, 404, "NotFound", $"No such resource: {request.Method} {request.Path}.");
        }
    }

    private async Task SendAsync(HttpContext context, ReceivedRequest request)
    {
        if (!Guid.TryParseExact(request.OperationId, "D", out _))
        {
            await ErrorAsync(context, 400, "InvalidOperationId", $"Operation-Id '{request.OperationId}' is not a GUID.");
            return;
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 415, "UnsupportedMediaType", $"Content-Type '{request.ContentType}' is not application/json.");
            return;
        }

        var problem = SchemaProblem(request.Body);
        if (problem is not null)
        {
            await ErrorAsync(context, 400, "InvalidRequestBody", problem);
            return;
        }

        if (_sendCues.TryDequeue(out var cue))
        {
            await cue(context, request.OperationId);
        }
        else
        {
            await AcceptAsync(context, request.OperationId, retryAfterSeconds: 0);
        }
    }

    private async Task AcceptAsync(HttpContext context, string operationId, int retryAfterSeconds)
    {
        _operations[operationId] = true;
        context.Response.StatusCode = 202;
        context.Response.Headers["Operation-Location"] = new Uri(Endpoint, $"emails/operations/{operationId}?api-version={ApiVersion}").ToString();
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = operationId, ["status"] = "Running" });
    }

    /// <summary>What is wrong with the body against the API's <c>EmailMessage</c> schema, or null.</summary>
    private static string? SchemaProblem(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            return "The body is not JSON: " + ex.Message;
        }

        if (root is not JsonObject message)
        {
            return "The body is not a JSON object.";
        }

        return Unknown(message, MessageProperties, "message")
            ?? RequiredString(message, "senderAddress", "message")
            ?? (message["content"] is JsonObject content
                ? Unknown(content, ContentProperties, "content") ?? RequiredString(content, "subject", "content") ?? OptionalString(content, "plainText") ?? OptionalString(content, "html")
                : "content is required and must be an object.")
            ?? (message["recipients"] is JsonObject recipients
                ? Unknown(recipients, RecipientsProperties, "recipients") ?? Addresses(recipients["to"], "recipients.to", required: true)
                : "recipients is required and must be an object.")
            ?? (message["headers"] is null or JsonObject ? null : "headers must be an object.")
            ?? (message["headers"] is JsonObject headers && headers.Any(h => h.Value?.GetValueKind() != JsonValueKind.String) ? "headers values must be strings." : null)
            ?? (message["userEngagementTrackingDisabled"] is { } tracking && tracking.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
                ? "userEngagementTrackingDisabled must be a boolean."
                : null);
    }

    private static string? Addresses(JsonNode? node, string where, bool required)
    {
        if (node is null)
        {
            return required ? $"{where} is required." : null;
        }

        if (node is not JsonArray list || list.Count == 0)
        {
            return $"{where} must be a non-empty array.";
        }

        foreach (var item in list)
        {
            if (item is not JsonObject address)
            {
                return $"{where} items must be objects.";
            }

            var problem = Unknown(address, AddressProperties, where) ?? RequiredString(address, "address", where) ?? OptionalString(address, "displayName");
            if (problem is not null)
            {
                return problem;
            }

            if (!address["address"]!.GetValue<string>().Contains('@', StringComparison.Ordinal))
            {
                return $"{where}: '{address["address"]}' is not an email address.";
            }
        }

        return null;
    }

    private static string? Unknown(JsonObject node, HashSet<string> allowed, string where) =>
        node.Select(p => p.Key).FirstOrDefault(key => !allowed.Contains(key)) is { } key ? $"{where} has an unknown property '{key}'." : null;

    private static string? RequiredString(JsonObject node, string name, string where) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetValue<string>())
            ? null
            : $"{where}.{name} is required and must be a non-empty string.";

    private static string? OptionalString(JsonObject node, string name) =>
        node[name] is null || node[name]!.GetValueKind() == JsonValueKind.String ? null : $"{name} must be a string.";

    /// <summary>One request as the server saw it, and the status it answered.</summary>
    public sealed record ReceivedRequest(
        string Method,
        string Path,
        string ApiVersion,
        string Authorization,
        string OperationId,
        string? ContentType,
        string Body,
        DateTimeOffset At,
        int Status = 0)
    {
        public bool IsSend => Method == "POST" && Path == "/emails:send";

        public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The request has no JSON body.");
    }
}
