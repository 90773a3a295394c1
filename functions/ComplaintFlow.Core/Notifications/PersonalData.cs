using System.Text;

namespace ComplaintFlow.Core.Notifications;

/// <summary>Masks personal data for logs: enough to tell two recipients apart while debugging, not enough to contact them.</summary>
public static class PersonalData
{
    private const string Stars = "***";

    /// <summary><c>lilei@example.com</c> → <c>l***@example.com</c>; anything that is not an address → <c>***</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return Stars;
        }

        var first = char.IsSurrogate(trimmed[0]) ? trimmed[..Math.Min(2, at)] : trimmed[..1];
        return first + Stars + trimmed[at..];
    }

    /// <summary>
    /// <c>+8613800000000</c> → <c>+86*******0000</c>: an international number keeps its '+' and first two digits,
    /// every number keeps its last four digits (numbers of six digits or fewer keep none), the rest become '*'.
    /// Spaces, dashes and brackets are dropped.
    /// </summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var trimmed = phone.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new StringBuilder();
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        if (digits.Length == 0)
        {
            return Stars;
        }

        var keepStart = international && digits.Length > 8 ? 2 : 0;
        var keepEnd = digits.Length > 6 ? 4 : 0;
        var masked = new StringBuilder(international ? "+" : string.Empty);
        for (var i = 0; i < digits.Length; i++)
        {
            masked.Append(i < keepStart || i >= digits.Length - keepEnd ? digits[i] : '*');
        }

        return masked.ToString();
    }
}
