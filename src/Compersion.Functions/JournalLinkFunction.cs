using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>POST /api/journal/link</c>: the expired journal page's button; mails a fresh journal link to the address on file.</summary>
public sealed class JournalLinkFunction(SettingsAccessService access, FormTokens tokens)
{
    /// <summary>Sends the fresh link.</summary>
    [Function(nameof(JournalLinkFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.JournalLink)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (form, token, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, Pages.SettingsPage.SettingsFormBytes, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await access.SendFreshJournalLinkAsync(token, cancellationToken)
            ? Page.Message(StatusCodes.Status200OK, "A fresh link is on its way", ["We've emailed a new journal link to the address we have for you. It works for 24 hours."])
            : Page.Message(StatusCodes.Status400BadRequest, "This link doesn't work", ["It may have been cut short or changed. Reply JOURNAL to any of our emails for a fresh one."]);
    }
}
