using Compersion.Core.Access;

namespace Compersion.Functions;

/// <summary><c>/api/address/confirm?token=…</c>: the link mailed to a new address. GET shows a button (a mail scanner fetching the link changes nothing); POST confirms.</summary>
public sealed class AddressConfirmFunction(AddressChangeService addresses, ButtonLink link)
{
    /// <summary>Shows the confirmation page, or confirms.</summary>
    [Function(nameof(AddressConfirmFunction))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.AddressConfirm)] HttpRequest request,
        CancellationToken cancellationToken) =>
        link.AnswerAsync(
            request,
            async (button, ct) => AddressPages.Confirmation(await addresses.OpenRequestAsync(button.Token, ct), button),
            async (token, ct) => AddressPages.Confirmed(await addresses.ConfirmAsync(token, ct)),
            cancellationToken);
}
