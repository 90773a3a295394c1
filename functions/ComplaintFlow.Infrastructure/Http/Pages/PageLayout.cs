using System.Security.Cryptography;
using System.Text;
using ComplaintFlow.Core.Complaints;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Infrastructure.Http.Pages;

/// <summary>
/// The shell of every server-rendered page: small, mobile-first, accessible (language, landmarks, labels, focus
/// outlines, large tap targets), no scripts and nothing loaded from elsewhere. Its one stylesheet is inline and allowed
/// by its hash in <see cref="ContentSecurityPolicy"/>; pages use its classes, never style attributes.
/// </summary>
public static class PageLayout
{
    private const string Styles =
        "*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC',sans-serif;color:#1f2328;background:#f6f8fa}" +
        "main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}" +
        ".card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem;margin:0 0 1rem}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:0}dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}" +
        "blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #d0d7de;background:#f6f8fa;white-space:pre-wrap;overflow-wrap:anywhere}" +
        "fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600;margin-bottom:.5rem}" +
        "label.choice{display:flex;gap:.6rem;align-items:center;min-height:44px;padding:.5rem .75rem;border:1px solid #d0d7de;border-radius:6px;margin:.35rem 0;background:#fff}" +
        "label.field{display:block;font-weight:600;margin:.75rem 0 .25rem}textarea,select,input[type=password]{width:100%;font:inherit;padding:.6rem;border:1px solid #8c959f;border-radius:6px}textarea{min-height:8rem}" +
        "button{font:inherit;font-weight:600;min-height:48px;width:100%;padding:.75rem;border:0;border-radius:6px;background:#0969da;color:#fff;cursor:pointer;margin-top:1rem}" +
        ":focus-visible{outline:3px solid #fb8500;outline-offset:2px}.notice{border-left:4px solid #0969da}.warn{border-left:4px solid #bf8700}.error{border-left:4px solid #cf222e}" +
        ".hint{color:#57606a;font-size:.9rem}.errors{color:#cf222e;font-weight:600}table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #d0d7de;vertical-align:top}" +
        "a{color:#0969da}.stars{display:flex;gap:.5rem;flex-wrap:wrap}pre{white-space:pre-wrap;overflow-wrap:anywhere}" +
        "iframe{width:100%;min-height:32rem;border:1px solid #d0d7de;border-radius:8px;background:#fff}td{overflow-wrap:anywhere}" +
        // On a phone a table of rows becomes a list of cards, each cell labelled by its column (data-label).
        "@media (max-width:40rem){table.rows thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}" +
        "table.rows tr{display:block;border-bottom:1px solid #d0d7de;padding:.5rem 0}table.rows td{display:block;border:0;padding:.1rem 0}" +
        "table.rows td[data-label]::before{content:attr(data-label) \"\\00a0\\00b7\\00a0\";color:#57606a}}";

    /// <summary>
    /// The policy every page is sent with: nothing may load or run (<c>default-src 'none'</c>, so no script at all) but
    /// the stylesheet above, by its hash; forms post only back to this host; no page may be framed or change its base.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Styles)))}'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>A complete page with the headers of <see cref="HtmlPage"/>; <paramref name="body"/> is already-encoded HTML.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="locale">The page's language.</param>
    /// <param name="title">The title, plain text.</param>
    /// <param name="body">The body, already-encoded HTML.</param>
    /// <param name="contentSecurityPolicy">A policy other than <see cref="ContentSecurityPolicy"/>, for a page that needs one.</param>
    public static IResult Page(int status, Locale locale, string title, string body, string? contentSecurityPolicy = null) =>
        new HtmlPage(status, Render(locale, title, body), contentSecurityPolicy ?? ContentSecurityPolicy);

    public static string Render(Locale locale, string title, string body)
    {
        var lang = locale == Locale.Zh ? "zh-CN" : "en";
        return $"""
            <!doctype html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <meta name="referrer" content="no-referrer">
            <title>{Html.Encode(title)} · ComplaintFlow</title>
            <style>{Styles}</style>
            </head>
            <body>
            <main>
            <h1>{Html.Encode(title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>A card with one message, for used, stale, expired or broken links.</summary>
    public static IResult Message(int status, Locale locale, string title, string message, string kind = "notice") =>
        Page(status, locale, title, $"<section class=\"card {kind}\" role=\"status\"><p>{Html.Encode(message)}</p></section>");
}
