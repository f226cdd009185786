using Compersion.Core.Access;
using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/address/undo?token=…</c>: the link in the notice to an old address. GET shows a button (a mail scanner fetching the link changes nothing); POST moves the mail back.</summary>
public sealed class AddressUndoFunction(AddressChangeService addresses, FormTokens tokens)
{
    /// <summary>Shows the undo page, or undoes the move.</summary>
    [Function(nameof(AddressUndoFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.AddressUndo)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var token = request.Query["token"].ToString();
            var (outcome, address) = await addresses.OpenUndoAsync(token, cancellationToken);
            return outcome == AddressUndoOutcome.Open ? AddressPages.UndoButton(request, tokens, token, address!) : AddressPages.Undone(outcome);
        }

        var (_, posted, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, SettingsPage.SettingsFormBytes, cancellationToken);
        return refusal ?? AddressPages.Undone(await addresses.UndoAsync(posted, cancellationToken));
    }
}
