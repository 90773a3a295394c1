using System.Globalization;
using System.Text;

namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// Text for an email header built from what a customer wrote (the subject, a display name), safe for any transport:
/// control characters and the Unicode line and paragraph separators (U+2028, U+2029) become spaces, so the field
/// stays one line in every client; bidi controls are left out (<see cref="DisplayText"/>); and <c>=?</c> becomes
/// <c>= ?</c>, so no part of it is an RFC 2047 encoded-word that a mail client would decode into other text
/// (<c>=?utf-8?b?W0FQUFJPVkVEXQ==?=</c> shows as itself, not as <c>[APPROVED]</c>).
/// </summary>
public static class HeaderText
{
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in DisplayText.Neutralize(text))
        {
            var category = char.GetUnicodeCategory(c);
            builder.Append(category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? ' ' : c);
        }

        return builder.Replace("=?", "= ?").ToString().Trim();
    }
}
