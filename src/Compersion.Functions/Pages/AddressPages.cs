using Compersion.Core.Access;
using Compersion.Core.Subscribers;

namespace Compersion.Functions.Pages;

/// <summary>The pages of an address change: the settings form's answer, the confirmation link's button and answer, and the old address's undo link's button and answer.</summary>
internal static class AddressPages
{
    /// <summary>The answer to the settings page's "change my address" (or, <paramref name="extra"/>, "another address") form.</summary>
    public static HtmlResult Requested(HttpRequest request, FormTokens tokens, SettingsAccess opened, string token, bool extra, AddressRequestOutcome outcome) => outcome switch
    {
        AddressRequestOutcome.Sent or AddressRequestOutcome.AlreadySent => Page.Message(
            StatusCodes.Status200OK,
            extra ? "Check the other inbox" : "Check your new inbox",
            extra
                ?
                [
                    "We've sent a link to that address. Open it there and press the button, and replies from it will be saved to your journal too. It works for 24 hours.",
                    "Your emails keep coming to the address you have now. Nothing arrived? Look in its spam folder.",
                ]
                :
                [
                    "We've sent a link to the new address. Open it there and press the button, and your emails will come there from then on. It works for 24 hours.",
                    "Until then, everything keeps coming to the address you have now. Nothing arrived? Look in its spam folder.",
                ],
            linkUrl: SettingsPage.Url(token),
            linkText: "Back to your settings"),
        AddressRequestOutcome.Same => SettingsPage.Render(request, tokens, opened, token, extra ? "That address can already write to your journal, so nothing needed changing." : "That's already your address, so nothing needed changing."),
        AddressRequestOutcome.TooMany => SettingsPage.Render(request, tokens, opened, token, $"You already have {Subscriber.MaxExtraAddresses} other addresses that can write to your journal. Take one back first (reply REMOVE ADDRESS and that address). Nothing was changed.", noticeIsError: true, status: StatusCodes.Status409Conflict),
        AddressRequestOutcome.NotSent => SettingsPage.Render(request, tokens, opened, token, "We couldn't send the link just now. Please try again in a little while. Nothing was changed.", noticeIsError: true, status: StatusCodes.Status503ServiceUnavailable),
        AddressRequestOutcome.Gone => SettingsPage.NotOpen(request, tokens, SettingsAccessOutcome.Gone, token),
        _ => SettingsPage.Render(request, tokens, opened, token, "Please give the new address in full, like name@example.com. Nothing was changed.", noticeIsError: true, status: StatusCodes.Status400BadRequest),
    };

    /// <summary>The confirmation link's page: a button while the request waits (a mail scanner fetching the link changes nothing), else why it confirms nothing.</summary>
    public static HtmlResult Confirmation((AddressConfirmOutcome Outcome, PendingAddress? Request) opened, SignedButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (opened is not (AddressConfirmOutcome.Open, { } pending))
        {
            return Confirmed(opened.Outcome);
        }

        var form = button.Form(AddressChangeService.ConfirmPath, pending.Extra ? "Yes, save replies from here" : "Yes, use this address");
        return pending.Extra
            ? Page.Message(
                StatusCodes.Status200OK,
                "Save replies from this address?",
                [$"From now on, replies from {pending.Email} will be saved to your Compersion journal, as replies from your main address are. Your emails keep coming where they come now."],
                form)
            : Page.Message(
                StatusCodes.Status200OK,
                "Send your Compersion emails here?",
                [$"From now on your daily prompt, your weekly digest and every note will come to {pending.Email}. Your journal stays just as it is."],
                form);
    }

    /// <summary>The answer to the confirmation link's button, or to a link that confirms nothing.</summary>
    public static HtmlResult Confirmed(AddressConfirmOutcome outcome) => outcome switch
    {
        AddressConfirmOutcome.Added => Page.Message(StatusCodes.Status200OK, "All set", ["Replies from this address are saved to your journal from now on. Your emails keep coming to your main address, which has a short note about it."]),
        AddressConfirmOutcome.Done => Page.Message(StatusCodes.Status200OK, "All set", ["Your Compersion emails come to this address from now on. Replies from here are read as before, even to emails that went to your old address."]),
        AddressConfirmOutcome.Taken => Page.Message(StatusCodes.Status409Conflict, "This address is already in use", ["This address is already in use with Compersion, so it can't be added here. Nothing was changed."]),
        AddressConfirmOutcome.Gone => Page.Message(StatusCodes.Status404NotFound, "There's nothing here any more", ["The journal this link was for has been deleted, so there is nothing to move."]),
        AddressConfirmOutcome.NotPending => Page.Message(StatusCodes.Status400BadRequest, "This link doesn't confirm anything now", ["It was used already, a newer one replaced it, or its 24 hours are over. Nothing was changed. You can ask again from your settings page."]),
        _ => Page.Message(StatusCodes.Status400BadRequest, "This link doesn't work", ["It may have been cut short or changed. Copy the whole link from the email."]),
    };

    /// <summary>The undo link's page, at the old address: a button while the move can be undone (a mail scanner fetching the link changes nothing), else why it undoes nothing.</summary>
    public static HtmlResult Undo((AddressUndoOutcome Outcome, string? Address) opened, SignedButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        return opened is (AddressUndoOutcome.Open, { } address)
            ? Page.Message(
                StatusCodes.Status200OK,
                "Move your Compersion emails back here?",
                [$"Your daily prompt, your weekly digest and every note will come to {address} again, and replies from the new address will no longer be saved. Your journal stays just as it is."],
                button.Form(AddressMovedNotice.UndoPath, "Yes, move them back here"))
            : Undone(opened.Outcome);
    }

    /// <summary>The answer to the undo link's button, or to a link that undoes nothing.</summary>
    public static HtmlResult Undone(AddressUndoOutcome outcome) => outcome switch
    {
        AddressUndoOutcome.Done => Page.Message(StatusCodes.Status200OK, "All set", ["Your Compersion emails come to this address again. Links mailed to the other address no longer open anything."]),
        AddressUndoOutcome.Taken => Page.Message(StatusCodes.Status409Conflict, "This address is in use now", ["This address has since been used with Compersion by someone else, so your emails can't move back to it. Nothing was changed."]),
        AddressUndoOutcome.Gone => Page.Message(StatusCodes.Status404NotFound, "There's nothing here any more", ["The journal this link was for has been deleted, so there is nothing to move back."]),
        AddressUndoOutcome.NotPending => Page.Message(StatusCodes.Status400BadRequest, "This link doesn't undo anything now", ["It was used already, the address has changed again since, or its 7 days are over. Nothing was changed."]),
        _ => Page.Message(StatusCodes.Status400BadRequest, "This link doesn't work", ["It may have been cut short or changed. Copy the whole link from the email."]),
    };
}
