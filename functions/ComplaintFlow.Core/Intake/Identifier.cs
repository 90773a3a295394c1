using System.Globalization;
using System.Text;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// The one spelling of an identifier that comes from outside (<c>customer.id</c>, <c>customer.email</c>,
/// <c>customer.phone</c>, <c>externalId</c>, <c>orderId</c>), taken before it is compared or made into a key:
/// format characters (Unicode category Cf: zero-width spaces and joiners, bidi controls, soft hyphens, byte order
/// marks) removed, then Unicode NFKC (full-width <c>ｕ１</c> is <c>u1</c>). Without it, <c>u-1001</c> with a zero-width
/// space in it is a different customer to every duplicate check, abuse limit and restriction, while looking the same.
/// </summary>
public static class Identifier
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var visible = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                visible.Append(rune.ToString());
            }
        }

        return visible.ToString().Normalize(NormalizationForm.FormKC);
    }
}
