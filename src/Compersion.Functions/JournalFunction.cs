using Compersion.Core.Journal;

namespace Compersion.Functions;

/// <summary>
/// <c>/api/journal/{view}?token=…</c>: the journal on the web — the year calendar with "on this day" (no view), a day
/// (<c>day?date=</c>), search (<c>search?q=</c>), people and kindness — reached only through a signed journal link;
/// and the day page's corrections (<c>POST /api/journal/day</c>, a form with its anti-forgery token), 303 back to the day.
/// </summary>
/// <remarks>The token names the subscriber and only their partition is read or written, so no link or form reaches anyone else's journal.</remarks>
public sealed class JournalFunction(LinkGate gate, JournalPages journal, IJournalReader reads)
{
    /// <summary>Shows one journal page, or applies a correction from the day page.</summary>
    [Function(nameof(JournalFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.JournalViews)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posting = HttpMethods.IsPost(request.Method);
        if (!JournalPages.TryView(request.Path, posting, out var view))
        {
            return CorrectionForm.NoSuchPage();
        }

        // One look at the journal's version for the whole page (its rows, marks and photos), and a new one after a correction.
        using var page = reads.BeginPage();
        var opened = posting ? await gate.JournalFormAsync(request, CorrectionForm.Bytes, cancellationToken) : await gate.JournalAsync(request, JournalPage.Needs(view, request.Query), cancellationToken);
        return opened.Refusal ?? (posting ? await journal.CorrectAsync(request, opened, cancellationToken) : await journal.ShowAsync(request, opened, view, cancellationToken));
    }
}
