using Compersion.Core.Inbound;

namespace Compersion.Functions;

/// <summary><c>/api/keep?token=…&amp;post=…&amp;mac=…</c>: keeps a held mail (its sender unverified) by the link mailed to its subscriber.</summary>
/// <remarks>
/// No function key: the signed link is the authority. GET only shows a button (mail scanners prefetch links and must not
/// apply a STOP for anyone); POST keeps it, idempotently.
/// </remarks>
public sealed class KeepFunction(ReplyIngestor ingestor)
{
    /// <summary>Shows the button (GET) or keeps the mail (POST).</summary>
    [Function(nameof(KeepFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Keep)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (token, post, mac) = (request.Query["token"].ToString(), request.Query["post"].ToString(), request.Query["mac"].ToString());
        return HttpMethods.IsGet(request.Method)
            ? MailLinkPages.KeepButton(token, post, mac)
            : MailLinkPages.Kept(await ingestor.KeepAsync(token, post, mac, cancellationToken));
    }
}
