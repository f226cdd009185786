namespace Compersion.Functions.Http;

/// <summary>The small HTML answer pages of links followed from email (confirm, unsubscribe, expired links, refusals).</summary>
internal static class Page
{
    /// <summary>A page with a heading, a paragraph and optionally a single-button unsubscribe form.</summary>
    public static HtmlResult Render(int status, string title, string message, string? formAction = null, string? buttonText = null) =>
        formAction is null
            ? Message(status, title, [message])
            : Message(status, title, [message], new ButtonForm(formAction, [new HiddenField("List-Unsubscribe", "One-Click")], buttonText ?? "Continue"));

    /// <summary>A page with a heading, paragraphs, and optionally a form and a link.</summary>
    public static HtmlResult Message(int status, string title, IReadOnlyList<string> paragraphs, ButtonForm? form = null, string? linkUrl = null, string? linkText = null) =>
        new(status, PageTemplates.Render(
            title,
            "message.html",
            new MessageView(title, paragraphs, form is not null, form ?? new ButtonForm(string.Empty, [], string.Empty), linkUrl ?? string.Empty, linkText ?? string.Empty)));
}
