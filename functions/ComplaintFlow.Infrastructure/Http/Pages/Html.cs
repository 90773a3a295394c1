using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Infrastructure.Http.Pages;

/// <summary>
/// HTML encoding that keeps Chinese readable in the page source and escapes everything that matters; bidi controls
/// are left out (<see cref="DisplayText"/>), so customer text reads in the order it was typed.
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => text is null ? string.Empty : Encoder.Encode(DisplayText.Neutralize(text));
}
