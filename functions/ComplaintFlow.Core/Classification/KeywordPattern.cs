using System.Text;

namespace ComplaintFlow.Core.Classification;

/// <summary>
/// One keyword, compiled: normalised like the text it searches, with whole-word edges where the keyword starts or
/// ends with a Latin letter or digit, and an optional trailing <c>*</c> that takes the rest of the word.
/// </summary>
internal sealed class KeywordPattern
{
    private readonly string _text;
    private readonly bool _prefix;
    private readonly bool _wordStart;
    private readonly bool _wordEnd;

    public KeywordPattern(string keyword)
    {
        var trimmed = keyword.Trim();
        _prefix = trimmed.EndsWith('*');
        _text = Normalize(trimmed.TrimEnd('*'));
        _wordStart = IsWordChar(_text[0]);
        _wordEnd = IsWordChar(_text[^1]);
    }

    /// <summary>Where the keyword first occurs in <paramref name="normalized"/> text, and the words it covers there.</summary>
    public (int Index, string Found)? FindFirst(string normalized)
    {
        var from = 0;
        while (from <= normalized.Length - _text.Length)
        {
            var index = normalized.IndexOf(_text, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            var end = index + _text.Length;
            from = index + 1;
            if (_wordStart && index > 0 && IsWordChar(normalized[index - 1]))
            {
                continue;
            }

            if (_prefix)
            {
                while (end < normalized.Length && IsWordChar(normalized[end]))
                {
                    end++;
                }
            }
            else if (_wordEnd && end < normalized.Length && IsWordChar(normalized[end]))
            {
                continue;
            }

            return (index, normalized[index..end]);
        }

        return null;
    }

    /// <summary>
    /// Compatibility-normalised (full-width letters become ASCII), lower case, typographic apostrophes as <c>'</c>,
    /// every run of white space one space.
    /// </summary>
    public static string Normalize(string value)
    {
        var folded = value.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c is '\u2019' or '\u2018' or '`' ? '\'' : c);
        }

        return builder.ToString();
    }

    // Latin (and other alphabetic) letters and digits form words; CJK characters do not, so Chinese matches as a substring.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsCjk(c);

    private static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
