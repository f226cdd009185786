using Compersion.Core.Access;
using Compersion.Core.Journal;

namespace Compersion.Functions.Pages;

/// <summary>
/// The one guard of the pages a signed settings or journal link opens: the link from the query (GET), or from a posted
/// form whose anti-forgery token is checked first (POST). Whatever does not open is answered here, the same way for
/// every page: the form's refusal, or the expired/invalid/gone page of that kind of link.
/// </summary>
public sealed class LinkGate(SettingsAccessService settings, JournalAccessService journals, FormTokens tokens)
{
    /// <summary>Opens the settings link in the query.</summary>
    public Task<Opened<SettingsAccess>> SettingsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        OpenAsync(request, QueryToken(request), null, settings.OpenAsync, access => access.Outcome, SettingsPage.NotOpen, cancellationToken);

    /// <summary>Reads and checks a form posted from a settings page, then opens the settings link it carries.</summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The largest form accepted, in bytes.</param>
    /// <param name="unchanged">Said after a form that could not be read (e.g. " Nothing was imported.").</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<Opened<SettingsAccess>> SettingsFormAsync(HttpRequest request, long limit, string unchanged, CancellationToken cancellationToken)
    {
        var (form, token, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, limit, cancellationToken, unchanged);
        return refusal is not null
            ? new Opened<SettingsAccess>(null, token, null, refusal)
            : await OpenAsync(request, token, form, settings.OpenAsync, access => access.Outcome, SettingsPage.NotOpen, cancellationToken);
    }

    /// <summary>Opens the journal link in the query, reading what the page <paramref name="needs"/> of the journal.</summary>
    public Task<Opened<JournalAccess>> JournalAsync(HttpRequest request, Func<NodaTime.LocalDate, JournalNeeds> needs, CancellationToken cancellationToken) =>
        OpenAsync(request, QueryToken(request), null, (token, cancel) => journals.OpenAsync(token, needs, cancel), access => access.Outcome, JournalPage.NotOpen, cancellationToken);

    /// <summary>Reads and checks a form posted from a journal page, then opens the journal link it carries (the profile alone: a correction reads its own day).</summary>
    public async Task<Opened<JournalAccess>> JournalFormAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var (form, token, refusal) = await FormGuard.ReadCheckedAsync(tokens, request, limit, cancellationToken);
        return refusal is not null
            ? new Opened<JournalAccess>(null, token, null, refusal)
            : await OpenAsync(request, token, form, (link, cancel) => journals.OpenAsync(link, _ => JournalNeeds.Nothing, cancel), access => access.Outcome, JournalPage.NotOpen, cancellationToken);
    }

    private static string QueryToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query["token"].ToString();
    }

    private async Task<Opened<TAccess>> OpenAsync<TAccess>(
        HttpRequest request,
        string token,
        IFormCollection? form,
        Func<string?, CancellationToken, Task<TAccess>> open,
        Func<TAccess, SettingsAccessOutcome> outcome,
        Func<HttpRequest, FormTokens, SettingsAccessOutcome, string, IActionResult> notOpen,
        CancellationToken cancellationToken)
        where TAccess : class
    {
        var access = await open(token, cancellationToken);
        var result = outcome(access);
        return result == SettingsAccessOutcome.Open
            ? new Opened<TAccess>(access, token, form, null)
            : new Opened<TAccess>(null, token, form, notOpen(request, tokens, result, token));
    }
}
