using Compersion.Core.Privacy;

namespace Compersion.Functions;

/// <summary><c>/api/settings/delete</c>: the confirm step (GET, from a settings link) and the deletion itself (POST, single-use token).</summary>
/// <remarks>
/// The confirm page carries its own <see cref="TokenPurpose.Delete"/> token (30 minutes) bound into its anti-forgery
/// token; the settings link alone can never delete anything.
/// </remarks>
public sealed class DeleteFunction(LinkGate gate, SettingsPages pages, DeletionService deletion, FormTokens tokens)
{
    /// <summary>Asks to confirm (GET) or deletes everything (POST).</summary>
    [Function(nameof(DeleteFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.SettingsDelete)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var opened = await gate.SettingsAsync(request, cancellationToken);
            return opened.Refusal ?? await pages.ConfirmDeleteAsync(request, opened, cancellationToken);
        }

        var (_, token, refused) = await FormGuard.ReadCheckedAsync(tokens, request, SettingsPage.SettingsFormBytes, cancellationToken, " Nothing was deleted.");
        return refused ?? DeletePages.Deleted(await deletion.DeleteAsync(token, cancellationToken));
    }
}
