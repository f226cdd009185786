using Compersion.Core.Access;
using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/address/confirm?token=…</c>: the link mailed to a new address. GET shows a button (a mail scanner fetching the link changes nothing); POST confirms.</summary>
public sealed class AddressConfirmFunction(AddressChangeService addresses, FormTokens tokens)
{
    /// <summary>Shows the confirmation page, or confirms.</summary>
    [Function(nameof(AddressConfirmFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.AddressConfirm)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var token = request.Query["token"].ToString();
            var (outcome, pending) = await addresses.OpenRequestAsync(token, cancellationToken);
            return outcome == AddressConfirmOutcome.Open ? AddressPages.Button(request, tokens, token, pending!) : AddressPages.Confirmed(outcome);
        }

        var (_, posted, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, SettingsPage.SettingsFormBytes, cancellationToken);
        return refusal ?? AddressPages.Confirmed(await addresses.ConfirmAsync(posted, cancellationToken));
    }
}
