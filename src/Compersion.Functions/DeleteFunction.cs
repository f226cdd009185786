using Compersion.Core.Export;
using Compersion.Core.Mail;
using Compersion.Core.Privacy;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/settings/delete</c>: the confirm step (GET, from a settings link) and the deletion itself (POST, single-use token).</summary>
/// <remarks>
/// The confirm page carries its own <see cref="TokenPurpose.Delete"/> token (30 minutes) bound into its anti-forgery
/// token; the settings link alone can never delete anything.
/// </remarks>
public sealed class DeleteFunction(SettingsAccessService access, DeletionService deletion, ExportService exports, FormTokens tokens)
{
    /// <summary>Asks to confirm (GET) or deletes everything (POST).</summary>
    [Function(nameof(DeleteFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.SettingsDelete)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var settingsToken = request.Query["token"].ToString();
            var opened = await access.OpenAsync(settingsToken, cancellationToken);
            if (opened.Outcome != SettingsAccessOutcome.Open)
            {
                return SettingsPage.NotOpen(request, tokens, opened.Outcome, settingsToken);
            }

            var subscriber = opened.Subscriber!;
            var deleteToken = deletion.IssueToken(subscriber);
            var days = (await exports.ExportAsync(subscriber, cancellationToken)).Entries.Count;
            var view = new DeleteView(
                deleteToken,
                tokens.TokenFor(deleteToken, FormGuard.Nonce(request)),
                subscriber.Email,
                days,
                SettingsPage.Url(settingsToken),
                Routes.Path(Routes.SettingsExport) + "?format=markdown&token=" + Uri.EscapeDataString(settingsToken));
            return new HtmlResult(StatusCodes.Status200OK, PageTemplates.Render("Delete everything?", "delete.html", view));
        }

        var (form, problem, status) = await FormReader.ReadAsync(request, SettingsPage.SettingsFormBytes, cancellationToken);
        if (form is null)
        {
            return Page.Render(status, "That didn't go through", problem! + " Nothing was deleted.");
        }

        var token = form["token"].ToString();
        var check = FormGuard.Check(tokens, request, form, token);
        if (check != FormCheck.Valid)
        {
            return FormGuard.Refused(check);
        }

        return await deletion.DeleteAsync(token, cancellationToken) switch
        {
            DeleteOutcome.Deleted => Page.Message(
                StatusCodes.Status200OK,
                "Everything is deleted",
                [
                    "Your journal, your kind acts, your settings and every email you sent us are gone. No more emails will come, except one last note saying this is done.",
                    "Thank you for the gratitude you wrote. Be kind to yourself.",
                ]),
            DeleteOutcome.AlreadyDeleted => Page.Message(
                StatusCodes.Status410Gone,
                "This link has already been used",
                ["Everything was already deleted, so there is nothing left to remove. Delete links work only once."]),
            DeleteOutcome.Expired => Page.Message(
                StatusCodes.Status400BadRequest,
                "That took a little too long",
                ["The delete button works for 30 minutes, and this one has lapsed. Nothing was deleted. Open your settings again to start over."]),
            _ => Page.Message(
                StatusCodes.Status400BadRequest,
                "This link doesn't work",
                ["It may have been cut short or changed. Nothing was deleted."]),
        };
    }
}
