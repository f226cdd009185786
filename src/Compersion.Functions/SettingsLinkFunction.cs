using Compersion.Core.Access;

namespace Compersion.Functions;

/// <summary><c>POST /api/settings/link</c>: the expired-link page's button; mails a fresh settings link to the address on file.</summary>
public sealed class SettingsLinkFunction(SettingsAccessService access, FormTokens tokens)
{
    /// <summary>Sends the fresh link.</summary>
    [Function(nameof(SettingsLinkFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SettingsLink)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await FreshLinkPage.SendAsync(request, tokens, (token, cancel) => access.SendFreshLinkAsync(token, cancel), "settings", "SETTINGS", cancellationToken);
}
