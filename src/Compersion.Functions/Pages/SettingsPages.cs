using Compersion.Core.Access;
using Compersion.Core.Export;
using Compersion.Core.Import;
using Compersion.Core.Privacy;
using Compersion.Core.Subscriptions;

namespace Compersion.Functions.Pages;

/// <summary>
/// What an open settings link answers: the settings page, the form saved, an address change asked for, a journal file
/// imported, or the first step of "delete everything". <see cref="LinkGate"/> opens the link (and checks a posted form) first.
/// </summary>
/// <remarks>Only the link's subscriber is read or changed.</remarks>
public sealed class SettingsPages(SettingsService settings, AddressChangeService addresses, ImportService imports, DeletionService deletion, ExportService exports, FormTokens tokens)
{
    /// <summary>The settings page, saying "Saved" after the form came back with 303.</summary>
    internal IActionResult Show(HttpRequest request, Opened<SettingsAccess> opened)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(opened);
        var notice = request.Query["saved"] == "1" ? "Saved. Your emails follow the new settings from now on." : string.Empty;
        return SettingsPage.Render(request, tokens, opened.Access!, opened.Token, notice);
    }

    /// <summary>Saves every setting of the posted form at once and comes back to the page with 303, or shows the page again saying what to correct.</summary>
    internal async Task<IActionResult> SaveAsync(HttpRequest request, Opened<SettingsAccess> opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var subscriber = opened.Access!.Subscriber!;
        if (!SettingsPage.TryReadChange(opened.Form!, subscriber, settings.Today(subscriber), out var change, out var error))
        {
            return SettingsPage.Render(request, tokens, opened.Access, opened.Token, error + " Nothing was changed.", noticeIsError: true, status: StatusCodes.Status400BadRequest);
        }

        await settings.ApplyAsync(subscriber, change!, cancellationToken);
        return new SeeOtherResult(SettingsPage.Url(opened.Token) + "&saved=1");
    }

    /// <summary>The "change my address" and "another address" forms (<c>extra=1</c>): records the address as pending and mails its link; the page says where it went.</summary>
    internal async Task<IActionResult> RequestAddressAsync(HttpRequest request, Opened<SettingsAccess> opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var extra = opened.Form!["extra"] == "1";
        var outcome = await addresses.RequestAsync(opened.Access!.Subscriber!, opened.Form["email"], extra, cancellationToken);
        return AddressPages.Requested(request, tokens, opened.Access, opened.Token, extra, outcome);
    }

    /// <summary>Imports the posted Dabble.me or OhLife file; the settings page says what was imported, or what is wrong and where (400).</summary>
    internal async Task<IActionResult> ImportAsync(HttpRequest request, Opened<SettingsAccess> opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var file = opened.Form!.Files.GetFile("file");
        if (SettingsPage.ImportProblem(file) is var (problem, status))
        {
            return SettingsPage.Render(request, tokens, opened.Access!, opened.Token, problem, noticeIsError: true, status: status);
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, cancellationToken);
        var result = await imports.ImportAsync(opened.Access!.Subscriber!, buffer.ToArray(), cancellationToken);
        return SettingsPage.Render(request, tokens, opened.Access, opened.Token, result.Message, noticeIsError: !result.Succeeded, status: result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The confirm step of "delete everything": what will go, and a button carrying its own single-use delete token.</summary>
    internal async Task<IActionResult> ConfirmDeleteAsync(HttpRequest request, Opened<SettingsAccess> opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var subscriber = opened.Access!.Subscriber!;
        var days = (await exports.ExportAsync(subscriber, cancellationToken)).Entries.Count;
        return DeletePages.Confirm(request, tokens, subscriber, deletion.IssueToken(subscriber), days, opened.Token);
    }
}
