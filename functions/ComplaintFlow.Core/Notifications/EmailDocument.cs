using System.Text;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// Lays out one email from plain-text blocks and renders it twice: as a small, accessible HTML page (inline styles
/// only, no images, no external resources, every piece of text HTML-encoded) and as plain text with full URLs.
/// Templates never write markup themselves, so no user text can reach the HTML unencoded, nor any part with its bidi
/// controls (<see cref="DisplayText"/>).
/// </summary>
internal sealed class EmailDocument
{
    private const string Font = "font-family:-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',Roboto,Helvetica,Arial,sans-serif;";
    private const string ButtonStyle =
        "display:inline-block;min-height:44px;min-width:44px;box-sizing:border-box;padding:12px 20px;margin:0 8px 8px 0;" +
        "background-color:#0b57d0;color:#ffffff;font-size:16px;line-height:20px;font-weight:bold;text-decoration:none;border-radius:6px;";

    private readonly Locale _locale;
    private readonly string _subject;
    private readonly List<Block> _blocks = [];

    public EmailDocument(Locale locale, string subject)
    {
        _locale = locale;
        _subject = OneLine(subject);
    }

    public EmailDocument Heading(string text) => Add(new HeadingBlock(text));

    public EmailDocument Paragraph(string text) => Add(new ParagraphBlock(text));

    /// <summary>Text someone wrote (the complaint, a question, a resolution), set apart and kept with its line breaks.</summary>
    public EmailDocument Quote(string label, string? text) =>
        string.IsNullOrWhiteSpace(text) ? this : Add(new QuoteBlock(label, text.Trim()));

    /// <summary>Label–value rows; rows whose value is null or empty are left out.</summary>
    public EmailDocument Facts(params (string Label, string? Value)[] rows)
    {
        var kept = rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)).Select(r => (r.Label, r.Value!)).ToList();
        return kept.Count == 0 ? this : Add(new FactsBlock(kept));
    }

    public EmailDocument Buttons(IReadOnlyList<EmailLink> links) => links.Count == 0 ? this : Add(new ButtonsBlock(links.Select(Checked).ToList()));

    public EmailDocument Link(EmailLink? link) => link is null ? this : Add(new LinkBlock(Checked(link)));

    public EmailDocument Footer(string text) => Add(new FooterBlock(text));

    public EmailContent Render()
    {
        var lang = _locale == Locale.Zh ? "zh-CN" : "en";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(_subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            .Append("<div role=\"article\" aria-label=\"").Append(Encode(_subject)).Append("\" lang=\"").Append(lang)
            .Append("\" style=\"max-width:600px;margin:0 auto;padding:24px 20px;background-color:#ffffff;color:#1f2328;")
            .Append(Font).Append("font-size:16px;line-height:1.6;\">\n");
        var text = new StringBuilder();
        foreach (var block in _blocks)
        {
            block.Html(html);
            block.Text(text);
        }

        html.Append("</div>\n</body>\n</html>\n");
        return new EmailContent(_subject, html.ToString(), text.ToString().TrimEnd() + "\n");
    }

    /// <summary>HTML-encodes text for element content and double- or single-quoted attribute values.</summary>
    internal static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\r': break;
                default:
                    if ((!char.IsControl(c) || c is '\n' or '\t') && !DisplayText.IsBidiControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in DisplayText.Neutralize(text))
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static EmailLink Checked(EmailLink link) =>
        link.Url.IsAbsoluteUri && (link.Url.Scheme == Uri.UriSchemeHttps || link.Url.Scheme == Uri.UriSchemeHttp)
            ? link
            : throw new ArgumentException($"Email links must be absolute http(s) URLs; '{link.Url}' is not.", nameof(link));

    private static string Href(Uri url) => Encode(url.AbsoluteUri);

    private EmailDocument Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    private abstract record Block
    {
        public abstract void Html(StringBuilder html);

        public abstract void Text(StringBuilder text);
    }

    private sealed record HeadingBlock(string Value) : Block
    {
        public override void Html(StringBuilder html) =>
            html.Append("<h1 style=\"margin:0 0 16px;font-size:22px;line-height:1.3;color:#111827;\">").Append(Encode(OneLine(Value))).Append("</h1>\n");

        public override void Text(StringBuilder text) => text.Append(OneLine(Value)).Append("\n\n");
    }

    private sealed record ParagraphBlock(string Value) : Block
    {
        public override void Html(StringBuilder html) =>
            html.Append("<p style=\"margin:0 0 16px;\">").Append(Encode(OneLine(Value))).Append("</p>\n");

        public override void Text(StringBuilder text) => text.Append(OneLine(Value)).Append("\n\n");
    }

    private sealed record QuoteBlock(string Label, string Value) : Block
    {
        public override void Html(StringBuilder html) =>
            html.Append("<p style=\"margin:0 0 4px;font-weight:bold;\">").Append(Encode(OneLine(Label))).Append("</p>\n")
                .Append("<blockquote style=\"margin:0 0 16px;padding:8px 12px;border-left:4px solid #9ca3af;background-color:#f9fafb;white-space:pre-wrap;\">")
                .Append(Encode(Value)).Append("</blockquote>\n");

        public override void Text(StringBuilder text)
        {
            text.Append(OneLine(Label)).Append('\n');
            foreach (var line in DisplayText.Neutralize(Value).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
            {
                text.Append("> ").Append(line).Append('\n');
            }

            text.Append('\n');
        }
    }

    private sealed record FactsBlock(IReadOnlyList<(string Label, string Value)> Rows) : Block
    {
        public override void Html(StringBuilder html)
        {
            html.Append("<table style=\"border-collapse:collapse;margin:0 0 16px;\">\n");
            foreach (var (label, value) in Rows)
            {
                html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0;color:#4b5563;font-weight:normal;white-space:nowrap;\">")
                    .Append(Encode(OneLine(label)))
                    .Append("</th><td style=\"padding:4px 0;vertical-align:top;\">")
                    .Append(Encode(OneLine(value)))
                    .Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        public override void Text(StringBuilder text)
        {
            foreach (var (label, value) in Rows)
            {
                text.Append(OneLine(label)).Append(": ").Append(OneLine(value)).Append('\n');
            }

            text.Append('\n');
        }
    }

    private sealed record ButtonsBlock(IReadOnlyList<EmailLink> Links) : Block
    {
        public override void Html(StringBuilder html)
        {
            html.Append("<p style=\"margin:8px 0 16px;\">\n");
            foreach (var link in Links)
            {
                html.Append("<a href=\"").Append(Href(link.Url)).Append("\" style=\"").Append(ButtonStyle).Append("\">")
                    .Append(Encode(OneLine(link.Label))).Append("</a>\n");
            }

            html.Append("</p>\n");
        }

        public override void Text(StringBuilder text)
        {
            foreach (var link in Links)
            {
                text.Append(OneLine(link.Label)).Append(": ").Append(link.Url.AbsoluteUri).Append('\n');
            }

            text.Append('\n');
        }
    }

    private sealed record LinkBlock(EmailLink Link) : Block
    {
        public override void Html(StringBuilder html) =>
            html.Append("<p style=\"margin:0 0 16px;\"><a href=\"").Append(Href(Link.Url))
                .Append("\" style=\"color:#0b57d0;text-decoration:underline;\">").Append(Encode(OneLine(Link.Label))).Append("</a></p>\n");

        public override void Text(StringBuilder text) => text.Append(OneLine(Link.Label)).Append(": ").Append(Link.Url.AbsoluteUri).Append("\n\n");
    }

    private sealed record FooterBlock(string Value) : Block
    {
        public override void Html(StringBuilder html) =>
            html.Append("<hr style=\"border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px;\">\n")
                .Append("<p style=\"margin:0;font-size:13px;color:#4b5563;\">").Append(Encode(OneLine(Value))).Append("</p>\n");

        public override void Text(StringBuilder text) => text.Append("--\n").Append(OneLine(Value)).Append('\n');
    }
}
