using Compersion.Core.Inbound;
using Compersion.Core.Links;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

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
        var token = request.Query["token"].ToString();
        var post = request.Query["post"].ToString();
        var mac = request.Query["mac"].ToString();
        if (HttpMethods.IsGet(request.Method))
        {
            var action = $"keep?token={Uri.EscapeDataString(token)}&post={Uri.EscapeDataString(post)}&mac={Uri.EscapeDataString(mac)}";
            return Page.Message(200, "Keep this mail?", ["If the mail we set aside was yours, keep it: we'll do what it asked, as if your provider had vouched for it."], new ButtonForm(action, [], "Yes, it was me"));
        }

        return await ingestor.KeepAsync(token, post, mac, cancellationToken) switch
        {
            KeepOutcome.Kept or KeepOutcome.AlreadyKept => Page.Render(200, "Kept", "Thank you. It's done, just as if it had come through the usual way."),
            KeepOutcome.Expired => Page.Render(410, "This link has lapsed", "It worked for three days. Nothing changed; if it still matters, simply send the mail again."),
            KeepOutcome.Gone => Page.Render(410, "Nothing left to keep", "That mail is no longer here to keep. If it still matters, simply send it again."),
            _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email."),
        };
    }
}
