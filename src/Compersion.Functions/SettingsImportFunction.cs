using Compersion.Core.Import;

namespace Compersion.Functions;

/// <summary><c>POST /api/settings/import</c>: a Dabble.me or OhLife export from the settings page, into the journal.</summary>
/// <remarks>Up to <see cref="JournalFileParser.MaxBytes"/>; a file with any problem is refused whole (400, the settings page saying what and where).</remarks>
public sealed class SettingsImportFunction(LinkGate gate, SettingsPages pages)
{
    /// <summary>Imports the uploaded file.</summary>
    [Function(nameof(SettingsImportFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SettingsImport)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opened = await gate.SettingsFormAsync(request, SettingsPage.ImportFormBytes, " Nothing was imported.", cancellationToken);
        return opened.Refusal ?? await pages.ImportAsync(request, opened, cancellationToken);
    }
}
