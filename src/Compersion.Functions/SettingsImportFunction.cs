using Compersion.Core.Import;

namespace Compersion.Functions;

/// <summary><c>POST /api/settings/import</c>: a Dabble.me or OhLife export from the settings page, into the journal.</summary>
/// <remarks>Up to <see cref="JournalFileParser.MaxBytes"/>; a file with any problem is refused whole (400, the settings page saying what and where).</remarks>
public sealed class SettingsImportFunction(LinkGate gate, ImportService imports, FormTokens tokens)
{
    /// <summary>Imports the uploaded file.</summary>
    [Function(nameof(SettingsImportFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SettingsImport)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opened = await gate.SettingsFormAsync(request, SettingsPage.ImportFormBytes, " Nothing was imported.", cancellationToken);
        if (opened.Refusal is { } refusal)
        {
            return refusal;
        }

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
}
