using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>POST /api/settings/address</c>: the settings page's "change my address" and "another address" forms (<c>extra=1</c>); mails a confirmation link to the address.</summary>
public sealed class SettingsAddressFunction(SettingsAccessService access, AddressChangeService addresses, FormTokens tokens)
{
    /// <summary>Records the new address as pending and mails its link.</summary>
    [Function(nameof(SettingsAddressFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SettingsAddress)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (form, token, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, SettingsPage.SettingsFormBytes, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var opened = await access.OpenAsync(token, cancellationToken);
        if (opened.Outcome != SettingsAccessOutcome.Open)
        {
            return SettingsPage.NotOpen(request, tokens, opened.Outcome, token);
        }

        var extra = form!["extra"] == "1";
        return await addresses.RequestAsync(opened.Subscriber!, form["email"], extra, cancellationToken) switch
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
    }
}
