using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>POST /api/settings/address</c>: the settings page's "change my address" form; mails a confirmation link to the new address.</summary>
public sealed class SettingsAddressFunction(SettingsAccessService access, AddressChangeService addresses, FormTokens tokens)
{
    /// <summary>Records the new address as pending and mails its link.</summary>
    [Function(nameof(SettingsAddressFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "settings/address")] HttpRequest request,
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

        return await addresses.RequestAsync(opened.Subscriber!, form!["email"], cancellationToken) switch
        {
            AddressRequestOutcome.Sent or AddressRequestOutcome.AlreadySent => Page.Message(
                StatusCodes.Status200OK,
                "Check your new inbox",
                [
                    "We've sent a link to the new address. Open it there and press the button, and your emails will come there from then on. It works for 24 hours.",
                    "Until then, everything keeps coming to the address you have now. Nothing arrived? Look in its spam folder.",
                ],
                linkUrl: SettingsPage.Url(token),
                linkText: "Back to your settings"),
            AddressRequestOutcome.Same => SettingsPage.Render(request, tokens, opened, token, "That's already your address, so nothing needed changing."),
            AddressRequestOutcome.NotSent => SettingsPage.Render(request, tokens, opened, token, "We couldn't send the link just now. Please try again in a little while. Nothing was changed.", noticeIsError: true, status: StatusCodes.Status503ServiceUnavailable),
            AddressRequestOutcome.Gone => SettingsPage.NotOpen(request, tokens, SettingsAccessOutcome.Gone, token),
            _ => SettingsPage.Render(request, tokens, opened, token, "Please give the new address in full, like name@example.com. Nothing was changed.", noticeIsError: true, status: StatusCodes.Status400BadRequest),
        };
    }
}
