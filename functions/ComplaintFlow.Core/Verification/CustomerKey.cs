using System.Security.Cryptography;
using System.Text;

namespace ComplaintFlow.Core.Verification;

/// <summary>A customer's pseudonymous key: the first 16 bytes of SHA-256 of the customer id, lower-case hex. Safe in URLs, keys and logs.</summary>
public static class CustomerKey
{
    public static string Of(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)), 0, 16);
    }
}
