using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace ComplaintFlow.Core.Complaints;

/// <summary>
/// A complaint's id, e.g. <c>C-202611-02K7M3QX9AB4</c>: the month of receipt (so the record is one point read in
/// that month's partition), then twelve Crockford base-32 characters: the second within the month (22 bits, so ids
/// sort by time of receipt) followed by 38 random bits (so complaints in the same second differ: 10,000 in one second
/// share an id with a chance of about 2 in 10,000; with the 28 bits ids had before it was about 1 in 6, and the second
/// complaint silently became the first). Ids of the earlier ten-character form still read.
/// </summary>
public readonly record struct ComplaintId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int SuffixLength = 12;
    private const int EarlierSuffixLength = 10;
    private const int RandomBits = 38;

    private ComplaintId(string value) => Value = value;

    /// <summary>The text form, <c>C-yyyyMM-XXXXXXXXXXXX</c>.</summary>
    public string Value { get; }

    /// <summary>The month the complaint was received in, as <c>yyyyMM</c>; the storage partition.</summary>
    public string Month => Value.Substring(2, 6);

    /// <summary>Makes a new id for a complaint received at <paramref name="receivedAt"/>.</summary>
    public static ComplaintId New(DateTimeOffset receivedAt)
    {
        var utc = receivedAt.UtcDateTime;
        var monthStart = new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var secondOfMonth = (long)(utc - monthStart).TotalSeconds;
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        var random = BitConverter.ToUInt64(bytes) & ((1UL << RandomBits) - 1);
        var bits = ((ulong)secondOfMonth << RandomBits) | random;
        Span<char> suffix = stackalloc char[SuffixLength];
        for (var i = SuffixLength - 1; i >= 0; i--)
        {
            suffix[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new ComplaintId(string.Create(CultureInfo.InvariantCulture, $"C-{utc:yyyyMM}-{suffix}"));
    }

    /// <summary>Reads an id; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ComplaintId id)
    {
        id = default;
        if (text is null || (text.Length != 2 + 6 + 1 + SuffixLength && text.Length != 2 + 6 + 1 + EarlierSuffixLength)
            || !text.StartsWith("C-", StringComparison.Ordinal) || text[8] != '-')
        {
            return false;
        }

        if (!DateTime.TryParseExact(text.AsSpan(2, 6), "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        foreach (var c in text.AsSpan(9))
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        id = new ComplaintId(text);
        return true;
    }

    /// <summary>Reads an id, throwing <see cref="FormatException"/> when it is not one.</summary>
    public static ComplaintId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a complaint id (expected C-yyyyMM-XXXXXXXXXXXX).");

    public override string ToString() => Value ?? string.Empty;
}
