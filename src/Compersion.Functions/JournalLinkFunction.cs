using Compersion.Core.Access;

namespace Compersion.Functions;

/// <summary><c>POST /api/journal/link</c>: the expired journal page's button; mails a fresh journal link to the address on file.</summary>
public sealed class JournalLinkFunction(SettingsAccessService access, FormTokens tokens)
{
    /// <summary>Sends the fresh link.</summary>
    [Function(nameof(JournalLinkFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.JournalLink)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await FreshLinkPage.SendAsync(request, tokens, (token, cancel) => access.SendFreshJournalLinkAsync(token, cancel), "journal", "JOURNAL", cancellationToken);
}
