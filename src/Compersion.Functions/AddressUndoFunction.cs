using Compersion.Core.Access;

namespace Compersion.Functions;

/// <summary><c>/api/address/undo?token=…</c>: the link in the notice to an old address. GET shows a button (a mail scanner fetching the link changes nothing); POST moves the mail back.</summary>
public sealed class AddressUndoFunction(AddressChangeService addresses, ButtonLink link)
{
    /// <summary>Shows the undo page, or undoes the move.</summary>
    [Function(nameof(AddressUndoFunction))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.AddressUndo)] HttpRequest request,
        CancellationToken cancellationToken) =>
        link.AnswerAsync(
            request,
            async (button, ct) => AddressPages.Undo(await addresses.OpenUndoAsync(button.Token, ct), button),
            async (token, ct) => AddressPages.Undone(await addresses.UndoAsync(token, ct)),
            cancellationToken);
}
