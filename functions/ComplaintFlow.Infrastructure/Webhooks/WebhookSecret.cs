using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintFlow.Infrastructure.Webhooks;

/// <summary>
/// The Standard Webhooks symmetric scheme, shared by the verifier and the signer: a secret is
/// <c>whsec_&lt;base64 key&gt;</c>, and a <c>v1</c> signature is the base64 HMAC-SHA256, keyed with the decoded
/// key, of the UTF-8 bytes <c>{id}.{unix seconds}.</c> followed by the raw body bytes.
/// </summary>
internal static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>Length of a v1 signature in base64 (32 bytes).</summary>
    public const int SignatureLength = 44;

    /// <summary>Decodes <c>whsec_&lt;base64&gt;</c>; false when <paramref name="secret"/> is not of that form.</summary>
    public static bool TryDecode(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length == Prefix.Length)
        {
            return false;
        }

        var encoded = secret.AsSpan(Prefix.Length);
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written == 0)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    /// <summary>The UTF-8 bytes signed before the body: <c>{id}.{unixSeconds}.</c></summary>
    public static byte[] SignedPrefix(string id, long unixSeconds) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{unixSeconds}."));

    /// <summary>Writes the base64 v1 signature (without the <c>v1,</c>) into <paramref name="destination"/>.</summary>
    public static void Compute(byte[] key, ReadOnlySpan<byte> signedPrefix, ReadOnlySpan<byte> body, Span<char> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(signedPrefix);
        hmac.AppendData(body);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.GetHashAndReset(mac);
        Span<byte> base64 = stackalloc byte[SignatureLength];
        Base64.EncodeToUtf8(mac, base64, out _, out _);
        for (var i = 0; i < SignatureLength; i++)
        {
            destination[i] = (char)base64[i];
        }
    }
}
