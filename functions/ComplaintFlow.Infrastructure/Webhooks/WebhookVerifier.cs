using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ComplaintFlow.Infrastructure.Webhooks;

/// <summary>
/// Checks a delivery signed per Standard Webhooks (https://www.standardwebhooks.com), symmetric <c>v1</c> scheme:
/// the three headers are present, <c>webhook-timestamp</c> is within <see cref="WebhookOptions.Tolerance"/> of now,
/// and one <c>v1</c> entry of <c>webhook-signature</c> is the HMAC-SHA256 of <c>{id}.{timestamp}.{raw body}</c>
/// under one of the configured secrets, compared in constant time. Entries of other versions are ignored. Any
/// official <c>standardwebhooks</c> library signs deliveries this accepts.
/// </summary>
public sealed class WebhookVerifier
{
    private const string Version = "v1";

    /// <summary>Largest unix time a <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59Z).</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    public WebhookVerifier(WebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid webhook settings: " + string.Join(" ", errors), nameof(options));
        }

        _keys = [.. options.Secrets.Select(secret => WebhookSecret.TryDecode(secret.Trim(), out var key) ? key : throw new UnreachableException())];
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>The longest <c>webhook-id</c> accepted; ids are keys of the delivery ledger and appear in support requests.</summary>
    public const int MaxIdLength = 256;

    /// <summary>
    /// Checks one delivery. <paramref name="body"/> must be the request body exactly as received (no re-serialising:
    /// the signature covers the raw bytes).
    /// </summary>
    public WebhookVerification Verify(string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Missing(WebhookHeaders.Id);
        }

        if (!IsWellFormedId(id))
        {
            return WebhookVerification.Failure(
                WebhookHeaders.Id,
                $"The webhook-id header must be 1 to {MaxIdLength} characters of letters, digits and - _ . : ~ + / = (e.g. msg_2KWPBgLlAfxdpx2AI54pPJ85f4W or a UUID).");
        }

        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return Missing(WebhookHeaders.Timestamp);
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return Missing(WebhookHeaders.Signature);
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds) || unixSeconds > MaxUnixSeconds)
        {
            return WebhookVerification.Failure(
                WebhookHeaders.Timestamp,
                "The webhook-timestamp header must be the time the delivery was signed, in unix seconds (digits only, e.g. 1767225600).");
        }

        var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if (age > _tolerance)
        {
            return WebhookVerification.Failure(
                WebhookHeaders.Timestamp,
                $"The webhook-timestamp is {Describe(age)} old, {Describe(age - _tolerance)} beyond the {Describe(_tolerance)} tolerance. " +
                "Sign each delivery (and each retry) when it is sent, and check the sender's clock.");
        }

        if (-age > _tolerance)
        {
            return WebhookVerification.Failure(
                WebhookHeaders.Timestamp,
                $"The webhook-timestamp is {Describe(-age)} in the future, {Describe(-age - _tolerance)} beyond the {Describe(_tolerance)} tolerance. " +
                "Check the sender's clock.");
        }

        var entries = signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wellFormed = 0;
        var candidates = new List<string>(entries.Length);
        foreach (var entry in entries)
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || comma == entry.Length - 1)
            {
                continue;
            }

            wellFormed++;
            if (entry.AsSpan(0, comma).SequenceEqual(Version))
            {
                candidates.Add(entry[(comma + 1)..]);
            }
        }

        if (wellFormed == 0)
        {
            return WebhookVerification.Failure(
                WebhookHeaders.Signature,
                "The webhook-signature header must be a space-separated list of v1,<base64> entries.");
        }

        if (candidates.Count == 0)
        {
            return WebhookVerification.Failure(
                WebhookHeaders.Signature,
                "The webhook-signature header holds no v1 entry; this receiver checks v1 (HMAC-SHA256) signatures only.");
        }

        var signedPrefix = WebhookSecret.SignedPrefix(id, unixSeconds);
        Span<char> expected = stackalloc char[WebhookSecret.SignatureLength];
        var matched = false;
        foreach (var key in _keys)
        {
            WebhookSecret.Compute(key, signedPrefix, body, expected);
            foreach (var candidate in candidates)
            {
                // Every pair is compared (no early exit), each in constant time for its length.
                matched |= CryptographicOperations.FixedTimeEquals(
                    MemoryMarshal.AsBytes(expected),
                    MemoryMarshal.AsBytes(candidate.AsSpan()));
            }
        }

        return matched
            ? WebhookVerification.Success
            : WebhookVerification.Failure(
                WebhookHeaders.Signature,
                "No v1 signature matched any configured secret. Check the secret, and that the signed content is " +
                "{webhook-id}.{webhook-timestamp}.{body} over the body bytes exactly as sent.");
    }

    private static WebhookVerification Missing(string header) =>
        WebhookVerification.Failure(header, $"The {header} header is missing.");

    /// <summary>A duration for a person: "6 min", "1 min 30 s", "2 h 5 min", "3 d 4 h".</summary>
    private static string Describe(TimeSpan duration)
    {
        var seconds = (long)Math.Round(duration.TotalSeconds);
        var (d, h, m, s) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60);
        var text = (d, h, m) switch
        {
            ( > 0, _, _) => h > 0 ? $"{d} d {h} h" : $"{d} d",
            (_, > 0, _) => m > 0 ? $"{h} h {m} min" : $"{h} h",
            (_, _, > 0) => s > 0 ? $"{m} min {s} s" : $"{m} min",
            _ => $"{s} s",
        };
        return text;
    }

    /// <summary>
    /// Ids as senders make them (Standard Webhooks' <c>msg_…</c>, UUIDs, base64): no spaces, controls, quotes, markup or
    /// percent-encoding, which an id never needs and which would follow it into keys, logs and support tickets.
    /// </summary>
    private static bool IsWellFormedId(string id) =>
        id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~' or '+' or '/' or '=');
}
