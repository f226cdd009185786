using Compersion.Core.Inbound;
using Compersion.Core.Subscriptions;

namespace Compersion.Functions.Pages;

/// <summary>
/// The pages of the two links a mail carries whose POST comes with the link itself, not a page's form: one-click
/// unsubscribe (a mail client posts it, RFC 8058) and keeping a held mail. GET shows the button; the answers follow.
/// </summary>
internal static class MailLinkPages
{
    /// <summary>The unsubscribe link's page: a button (mail scanners prefetch links and must not unsubscribe anyone).</summary>
    public static HtmlResult UnsubscribeButton(string token) =>
        Page.Render(200, "Unsubscribe?", "One click and no more emails will come. Your journal stays yours.", Routes.Path(Routes.Unsubscribe) + "?token=" + Uri.EscapeDataString(token), "Unsubscribe");

    /// <summary>The answer to an unsubscribe (the button, or a mail client's one-click post).</summary>
    public static HtmlResult Unsubscribed(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Done or LinkOutcome.AlreadyDone => Page.Render(200, "You're unsubscribed", "No more emails will come. Thank you for the gratitude you wrote — be kind to yourself."),
        _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email, or reply STOP to any of our emails."),
    };

    /// <summary>The keep link's page: a button (mail scanners prefetch links and must not apply a STOP for anyone).</summary>
    public static HtmlResult KeepButton(string token, string post, string mac) => Page.Message(
        200,
        "Keep this mail?",
        ["If the mail we set aside was yours, keep it: we'll do what it asked, as if your provider had vouched for it."],
        new ButtonForm($"{Routes.Path(Routes.Keep)}?token={Uri.EscapeDataString(token)}&post={Uri.EscapeDataString(post)}&mac={Uri.EscapeDataString(mac)}", [], "Yes, it was me"));

    /// <summary>The answer to the keep button.</summary>
    public static HtmlResult Kept(KeepOutcome outcome) => outcome switch
    {
        KeepOutcome.Kept or KeepOutcome.AlreadyKept => Page.Render(200, "Kept", "Thank you. It's done, just as if it had come through the usual way."),
        KeepOutcome.Expired => Page.Render(410, "This link has lapsed", "It worked for three days. Nothing changed; if it still matters, simply send the mail again."),
        KeepOutcome.Gone => Page.Render(410, "Nothing left to keep", "That mail is no longer here to keep. If it still matters, simply send it again."),
        _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email."),
    };
}
