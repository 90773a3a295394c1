using System.Security.Cryptography;

namespace ComplaintFlow.Core.Intake;

/// <summary>Tells a repeat delivery from a reused key: the SHA-256 of the exact bytes received, as lower-case hex.</summary>
public static class RequestFingerprint
{
    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
