using Compersion.Core.Import;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>POST /api/settings/import</c>: a Dabble.me or OhLife export from the settings page, into the journal.</summary>
/// <remarks>Up to <see cref="JournalFileParser.MaxBytes"/>; a file with any problem is refused whole (400, the settings page saying what and where).</remarks>
public sealed class SettingsImportFunction(SettingsAccessService access, ImportService imports, FormTokens tokens)
{
    /// <summary>Imports the uploaded file.</summary>
    [Function(nameof(SettingsImportFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SettingsImport)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (form, problem, status) = await FormReader.ReadAsync(request, SettingsPage.ImportFormBytes, cancellationToken);
        if (form is null)
        {
            return Page.Render(status, "That file didn't go through", problem! + " Nothing was imported.");
        }

        var token = form["token"].ToString();
        var check = FormGuard.Check(tokens, request, form, token);
        if (check != FormCheck.Valid)
        {
            return FormGuard.Refused(check);
        }

        var opened = await access.OpenAsync(token, cancellationToken);
        if (opened.Outcome != SettingsAccessOutcome.Open)
        {
            return SettingsPage.NotOpen(request, tokens, opened.Outcome, token);
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return SettingsPage.Render(request, tokens, opened, token, "Please choose a file to import.", noticeIsError: true, status: StatusCodes.Status400BadRequest);
        }

        if (file.Length > JournalFileParser.MaxBytes)
        {
            return SettingsPage.Render(request, tokens, opened, token, $"That file is larger than {JournalFileParser.MaxBytes / (1024 * 1024)} MB. Nothing was imported.", noticeIsError: true, status: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await imports.ImportAsync(opened.Subscriber!, buffer.ToArray(), cancellationToken);
        return SettingsPage.Render(
            request,
            tokens,
            opened,
            token,
            result.Message,
            noticeIsError: !result.Succeeded,
            status: result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
