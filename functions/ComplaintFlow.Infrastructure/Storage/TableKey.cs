using System.Security.Cryptography;
using System.Text;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// Turns any text (a webhook id, an external id) into a valid PartitionKey/RowKey: kept as is when it is short and has
/// none of the characters keys forbid (<c>/ \ # ?</c>, control characters) nor <c>~</c>; otherwise <c>~</c> and its
/// SHA-256 in hex, so two different texts never share a key in practice.
/// </summary>
public static class TableKey
{
    private const int MaxPlainLength = 200;

    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = text.Length is > 0 and <= MaxPlainLength && !text.Any(c => c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c));
        return plain ? text : "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
