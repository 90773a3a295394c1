using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintFlow.Core.Verification;

/// <summary>
/// A short hash of a complaint's text that ignores case, width, spacing, punctuation and digits, so the same message
/// pasted by many senders (or sent twice by one) has the same fingerprint. Not reversible: it is safe to index.
/// </summary>
public static class TextFingerprint
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var kept = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kept.ToString()));
        return Convert.ToHexString(hash, 0, 12).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>How many letters (Latin, CJK, …) the text has: a description with almost none says nothing.</summary>
    public static int MeaningfulCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var distinct = new HashSet<Rune>();
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                count++;
                distinct.Add(Rune.ToUpperInvariant(rune));
            }
        }

        // "aaaaaaaa" or "哈哈哈哈哈" is one character said many times.
        return distinct.Count <= 1 ? distinct.Count : count;
    }
}
