using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace Compersion.Functions.Http;

/// <summary>The small HTML answer pages of links followed from email (confirm, unsubscribe).</summary>
internal static class Page
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>A page with a heading, a paragraph and optionally a single-button form.</summary>
    public static ContentResult Render(int status, string title, string message, string? formAction = null, string? buttonText = null)
    {
        var encoder = HtmlEncoder.Default;
        var form = formAction is null
            ? string.Empty
            : $"<form method=\"post\" action=\"{encoder.Encode(formAction)}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\" style=\"font:inherit;padding:10px 18px;border-radius:6px;border:1px solid #5b4b8a;background:#5b4b8a;color:#ffffff;cursor:pointer\">{encoder.Encode(buttonText ?? "Continue")}</button></form>";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <title>{encoder.Encode(title)} · Compersion</title></head>
            <body style="margin:0;background:#f6f3ee;color:#2b2b2b;font-family:Georgia,'Times New Roman',serif">
            <main style="max-width:560px;margin:48px auto;padding:24px;background:#ffffff;border-radius:8px">
            <h1 style="font-size:24px;margin:0 0 12px">{encoder.Encode(title)}</h1>
            <p style="font-size:17px;line-height:1.5">{encoder.Encode(message)}</p>
            {form}
            </main></body></html>
            """;
        return new ContentResult { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = html };
    }
}
