using Compersion.Core.Common;

namespace Compersion.Core.Mail;

/// <summary>The prompt, check-in and confirmation templates, parsed once per process.</summary>
internal static class PromptTemplates
{
    /// <summary>The templates in <c>Mail/Templates</c>.</summary>
    public static LiquidTemplates Instance { get; } = new(
        typeof(PromptTemplates).Assembly,
        "Compersion.Core.Mail.Templates.",
        [typeof(LayoutView), typeof(ListFooterView), typeof(PromptView), typeof(CheckInView), typeof(ConfirmView), typeof(NoteView), typeof(NoteBlock), typeof(NoteTerm), typeof(NoteFooterView), typeof(WelcomeView)]);

    /// <summary>Renders a content template into the shared HTML frame.</summary>
    public static string Page(string title, string preheader, string brand, string contentTemplate, object view, string footerHtml) =>
        Instance.RenderHtml("layout.html", new LayoutView(title, preheader, brand, Instance.RenderHtml(contentTemplate, view), footerHtml));
}
