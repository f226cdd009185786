using Compersion.Core.Journal;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary>
/// <c>GET /api/journal/{view}?token=…</c>: the journal on the web — the year calendar with "on this day" (no view), a day
/// (<c>day?date=</c>), search (<c>search?q=</c>), people and kindness — reached only through a signed journal link.
/// </summary>
/// <remarks>The token names the subscriber and only their partition is read, so no link shows anyone else's journal.</remarks>
public sealed class JournalFunction(JournalAccessService access)
{
    /// <summary>Shows one journal page.</summary>
    [Function(nameof(JournalFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "journal/{view?}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = request.Path.Value?[(request.Path.Value.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/') ?? string.Empty;
        if (!JournalPage.Views.Contains(view))
        {
            return Page.Render(StatusCodes.Status404NotFound, "Not here", "There is no such page in your journal.");
        }

        var token = request.Query["token"].ToString();
        var opened = await access.OpenAsync(token, cancellationToken);
        return opened.Outcome == SettingsAccessOutcome.Open
            ? JournalPage.Render(opened, token, view, request.Query)
            : JournalPage.NotOpen(opened.Outcome);
    }
}
