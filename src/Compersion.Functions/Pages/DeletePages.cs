using Compersion.Core.Privacy;
using Compersion.Core.Subscribers;

namespace Compersion.Functions.Pages;

/// <summary>The pages of "delete everything": the confirm step, and the answer to its button.</summary>
internal static class DeletePages
{
    /// <summary>The confirm step: what will go, a last chance to export, and the button carrying its own single-use delete token.</summary>
    public static HtmlResult Confirm(HttpRequest request, FormTokens tokens, Subscriber subscriber, string deleteToken, int days, string settingsToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var view = new DeleteView(
            deleteToken,
            tokens.TokenFor(deleteToken, FormGuard.Nonce(request)),
            subscriber.Email,
            days,
            SettingsPage.Url(settingsToken),
            Routes.Path(Routes.SettingsExport) + "?format=markdown&token=" + Uri.EscapeDataString(settingsToken));
        return new HtmlResult(StatusCodes.Status200OK, PageTemplates.Render("Delete everything?", "delete.html", view));
    }

    /// <summary>The answer to the delete button.</summary>
    public static HtmlResult Deleted(DeleteOutcome outcome) => outcome switch
    {
        DeleteOutcome.Deleted => Page.Message(
            StatusCodes.Status200OK,
            "Everything is deleted",
            [
                "Your journal, your kind acts, your settings and every email you sent us are gone. No more emails will come, except one last note saying this is done.",
                "Thank you for the gratitude you wrote. Be kind to yourself.",
            ]),
        DeleteOutcome.AlreadyDeleted => Page.Message(
            StatusCodes.Status410Gone,
            "This link has already been used",
            ["Everything was already deleted, so there is nothing left to remove. Delete links work only once."]),
        DeleteOutcome.Expired => Page.Message(
            StatusCodes.Status400BadRequest,
            "That took a little too long",
            ["The delete button works for 30 minutes, and this one has lapsed. Nothing was deleted. Open your settings again to start over."]),
        _ => Page.Message(
            StatusCodes.Status400BadRequest,
            "This link doesn't work",
            ["It may have been cut short or changed. Nothing was deleted."]),
    };
}
