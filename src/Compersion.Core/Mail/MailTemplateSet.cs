using Compersion.Core.Common;

namespace Compersion.Core.Mail;

/// <summary>Every mail's templates (<c>Mail/Templates</c>: the prompt, check-in, confirmation, welcome, note and digest, the shared frame and the footers), parsed once per process.</summary>
internal static class MailTemplateSet
{
    /// <summary>The templates in <c>Mail/Templates</c>.</summary>
    public static LiquidTemplates Instance { get; } = new(
        typeof(MailTemplateSet).Assembly,
        "Compersion.Core.Mail.Templates.",
        [typeof(LayoutView), typeof(ListFooterView), typeof(PromptView), typeof(CheckInView), typeof(ConfirmView), typeof(NoteView), typeof(NoteBlock), typeof(NoteTerm), typeof(NoteFooterView), typeof(WelcomeView),
            typeof(DigestView), typeof(DigestActView), typeof(DigestGridRow), typeof(DigestIdeaView)]);

    /// <summary>Renders a mail's two bodies: <c>{content}.text</c>, and <c>{content}.html</c> inside the shared HTML frame, each followed by its footer.</summary>
    /// <param name="content">The content template's name without <c>.text</c>/<c>.html</c>, e.g. <c>prompt</c>.</param>
    /// <param name="view">What the content template shows.</param>
    /// <param name="subject">The HTML document's title.</param>
    /// <param name="preheader">The hidden preview line inboxes show after the subject.</param>
    /// <param name="brand">The sender name shown at the top of the frame.</param>
    /// <param name="footer">The footer template's name without <c>.text</c>/<c>.html</c> (<c>list-footer</c>, <c>note-footer</c>); null for none.</param>
    /// <param name="footerView">What the footer template shows; unused without a footer.</param>
    public static MailBody Render(string content, object view, string subject, string preheader, string brand, string? footer = null, object? footerView = null)
    {
        var footerText = footer is null ? string.Empty : Instance.RenderText(footer + ".text", footerView!);
        var footerHtml = footer is null ? string.Empty : Instance.RenderHtml(footer + ".html", footerView!);
        var html = Instance.RenderHtml("layout.html", new LayoutView(subject, preheader, brand, Instance.RenderHtml(content + ".html", view), footerHtml));
        return new MailBody(Instance.RenderText(content + ".text", view) + footerText, html);
    }
}
