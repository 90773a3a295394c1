using System.Text;

namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// Text as it may be shown to a person (emails and pages). The Unicode bidi controls (the <c>Bidi_Control</c>
/// property: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are left out, so customer text is read in the
/// order it was typed: <c>Refund \u202Egpj.exe</c> would otherwise show as <c>Refund exe.jpg</c>. Stored text keeps
/// them; only what is shown loses them. Right-to-left scripts still display correctly without them.
/// </summary>
public static class DisplayText
{
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(BidiControls) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static readonly System.Buffers.SearchValues<char> BidiControls =
        System.Buffers.SearchValues.Create("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
