using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintFlow.Infrastructure.Links;

/// <summary>
/// Issues and checks the tokens in emailed action links (<c>{BaseUrl}/api/actions/{token}</c>). A token is
/// verifiable without any lookup: <c>base64url(payload) "." base64url(MAC)</c>, where the MAC is HMAC-SHA256(key,
/// payload) truncated to its first 128 bits (RFC 2104 section 5: at least half the hash length; it keeps links short),
/// and the payload is a compact binary layout (format version 1):
/// <list type="number">
/// <item>version byte (1); purpose byte;</item>
/// <item>generation and expiry (unix seconds) as 7-bit variable-length integers;</item>
/// <item>the 16-byte nonce;</item>
/// <item>complaint id and recipient as length-prefixed UTF-8.</item>
/// </list>
/// New tokens are signed with the first (newest) key of <see cref="LinksOptions.Keys"/>; a token carries no key id,
/// and checking tries every configured key (the list is short), so rotation needs nothing in the token. Any
/// change to any character makes the token <see cref="TokenStatus.Malformed"/> or <see cref="TokenStatus.Tampered"/>:
/// the base64url parts must be canonical and the MAC is compared in constant time. A token is about 100 characters.
/// </summary>
public sealed class ActionTokenService
{
    /// <summary>The route the links point at, under <see cref="LinksOptions.BaseUrl"/>.</summary>
    public const string RoutePrefix = "api/actions/";

    private const byte FormatVersion = 1;
    private const int NonceBytes = 16;
    private const int MacBytes = 16;
    private const int MaxFieldBytes = 64;
    private const int MaxTokenLength = 400;

    private const int CsrfNonceBytes = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[][] _keys;
    private readonly byte[][] _csrfKeys;
    private readonly string _baseUrl;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;

    public ActionTokenService(LinksOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid link settings: " + string.Join(" ", errors), nameof(options));
        }

        _keys = [.. options.Keys.Select(text => LinksOptions.TryDecodeKey(text, out var key) ? key : [])];
        _csrfKeys = [.. _keys.Select(key => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, HMACSHA256.HashSizeInBytes, info: "ComplaintFlow action form CSRF"u8.ToArray()))];
        _baseUrl = options.BaseUrl.TrimEnd('/');
        _lifetime = options.Lifetime;
        _timeProvider = timeProvider;
    }

    /// <summary>A new token for one link: a fresh nonce, expiring <see cref="LinksOptions.Lifetime"/> from now.</summary>
    /// <param name="complaintId">The complaint the link acts on (at most 64 UTF-8 bytes).</param>
    /// <param name="purpose">What the link lets its recipient do.</param>
    /// <param name="recipient">The agent id, or <see cref="ActionClaims.CustomerRecipient"/> (at most 64 UTF-8 bytes).</param>
    /// <param name="generation">The round, escalation tier or step the link is issued for (0 or more).</param>
    public string Issue(string complaintId, ActionPurpose purpose, string recipient, int generation)
    {
        CheckField(complaintId, nameof(complaintId));
        CheckField(recipient, nameof(recipient));
        if (!Enum.IsDefined(purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown action purpose.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(generation);

        var expiresAt = (_timeProvider.GetUtcNow() + _lifetime).ToUnixTimeSeconds();
        using var payload = new MemoryStream(capacity: 128);
        using (var writer = new BinaryWriter(payload, StrictUtf8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write((byte)purpose);
            writer.Write7BitEncodedInt(generation);
            writer.Write7BitEncodedInt64(expiresAt);
            writer.Write(RandomNumberGenerator.GetBytes(NonceBytes));
            writer.Write(complaintId);
            writer.Write(recipient);
        }

        var payloadBytes = payload.ToArray();
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_keys[0], payloadBytes, mac);
        return Base64Url.EncodeToString(payloadBytes) + "." + Base64Url.EncodeToString(mac[..MacBytes]);
    }

    /// <summary>The link to email: <c>{BaseUrl}/api/actions/{token}</c>.</summary>
    public Uri LinkFor(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new Uri($"{_baseUrl}/{RoutePrefix}{Uri.EscapeDataString(token)}");
    }

    /// <summary>
    /// Checks a token from a link. Never throws for bad input. A genuine token's claims come back even when it has
    /// expired; whether it is stale (an earlier generation) or already used is for the caller to decide.
    /// </summary>
    public TokenValidation Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return TokenValidation.Malformed;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0
            || !TryDecodeCanonical(token.AsSpan(0, dot), out var payload)
            || !TryDecodeCanonical(token.AsSpan(dot + 1), out var mac)
            || mac.Length != MacBytes)
        {
            return TokenValidation.Malformed;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, payload, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected[..MacBytes], mac);
        }

        if (!matched)
        {
            return TokenValidation.Tampered;
        }

        if (!TryReadPayload(payload, out var claims))
        {
            return TokenValidation.Malformed;
        }

        return _timeProvider.GetUtcNow() >= claims.ExpiresAt ? TokenValidation.Expired(claims) : TokenValidation.Valid(claims);
    }

    /// <summary>
    /// The CSRF value for the form on the page behind <paramref name="token"/>, sent as a cookie and a hidden field:
    /// <c>base64url(random) "." base64url(MAC)</c>, the MAC being HMAC-SHA256 of the token and the random part under a
    /// key derived (HKDF) from the newest link key, truncated to 128 bits. So the value is bound to that one link: a
    /// made-up pair, or one a page issued for another link, fails <see cref="IsCsrfFor"/>.
    /// </summary>
    public string IssueCsrf(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var nonce = RandomNumberGenerator.GetBytes(CsrfNonceBytes);
        return Base64Url.EncodeToString(nonce) + "." + Base64Url.EncodeToString(CsrfMac(_csrfKeys[0], token, nonce));
    }

    /// <summary>True when <paramref name="csrf"/> was issued by <see cref="IssueCsrf"/> for <paramref name="token"/> under any configured key.</summary>
    public bool IsCsrfFor(string token, string? csrf)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (string.IsNullOrEmpty(csrf) || csrf.Length > 100)
        {
            return false;
        }

        var dot = csrf.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0
            || !TryDecodeCanonical(csrf.AsSpan(0, dot), out var nonce)
            || !TryDecodeCanonical(csrf.AsSpan(dot + 1), out var mac)
            || nonce.Length != CsrfNonceBytes
            || mac.Length != MacBytes)
        {
            return false;
        }

        var matched = false;
        foreach (var key in _csrfKeys)
        {
            matched |= CryptographicOperations.FixedTimeEquals(CsrfMac(key, token, nonce), mac);
        }

        return matched;
    }

    private static byte[] CsrfMac(byte[] key, string token, byte[] nonce)
    {
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var input = new byte[tokenBytes.Length + 1 + nonce.Length];
        tokenBytes.CopyTo(input, 0);
        nonce.CopyTo(input, tokenBytes.Length + 1); // the zero byte between them: a token never contains one
        return HMACSHA256.HashData(key, input)[..MacBytes];
    }

    private static void CheckField(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (StrictUtf8.GetByteCount(value) > MaxFieldBytes)
        {
            throw new ArgumentException($"At most {MaxFieldBytes} UTF-8 bytes fit in a link.", name);
        }
    }

    /// <summary>Decodes base64url without padding, refusing any other spelling of the same bytes.</summary>
    private static bool TryDecodeCanonical(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || text.Length % 4 == 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        int written;
        try
        {
            // Throws (rather than returning false) for some final quanta, e.g. with non-zero unused bits.
            if (!Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        bytes = buffer[..written];
        return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(text);
    }

    private static bool TryReadPayload(byte[] payload, out ActionClaims claims)
    {
        claims = null!;
        try
        {
            using var stream = new MemoryStream(payload, writable: false);
            using var reader = new BinaryReader(stream, StrictUtf8);
            if (reader.ReadByte() != FormatVersion)
            {
                return false;
            }

            var purpose = (ActionPurpose)reader.ReadByte();
            var generation = reader.Read7BitEncodedInt();
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(reader.Read7BitEncodedInt64());
            var nonce = reader.ReadBytes(NonceBytes);
            var complaintId = reader.ReadString();
            var recipient = reader.ReadString();
            if (stream.Position != stream.Length || !Enum.IsDefined(purpose) || generation < 0 || nonce.Length != NonceBytes
                || complaintId.Length == 0 || recipient.Length == 0)
            {
                return false;
            }

            claims = new ActionClaims(complaintId, purpose, recipient, generation, expiresAt, Base64Url.EncodeToString(nonce));
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException)
        {
            return false;
        }
    }
}
