using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/settings?token=…</c>: the settings page, reached only through a signed link that lasts 24 hours.</summary>
/// <remarks>GET shows it; POST (the form, with its anti-forgery token) saves every setting at once and comes back with 303.</remarks>
public sealed class SettingsFunction(SettingsAccessService access, SettingsService settings, FormTokens tokens)
{
    /// <summary>Shows or saves the settings.</summary>
    [Function(nameof(SettingsFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Settings)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var token = request.Query["token"].ToString();
            var opened = await access.OpenAsync(token, cancellationToken);
            return opened.Outcome == SettingsAccessOutcome.Open
                ? SettingsPage.Render(request, tokens, opened, token, request.Query["saved"] == "1" ? "Saved. Your emails follow the new settings from now on." : string.Empty)
                : SettingsPage.NotOpen(request, tokens, opened.Outcome, token);
        }

        var (form, problem, status) = await FormReader.ReadAsync(request, SettingsPage.SettingsFormBytes, cancellationToken);
        if (form is null)
        {
            return Page.Render(status, "That didn't go through", problem!);
        }

        var posted = form["token"].ToString();
        var check = FormGuard.Check(tokens, request, form, posted);
        if (check != FormCheck.Valid)
        {
            return FormGuard.Refused(check);
        }

        var current = await access.OpenAsync(posted, cancellationToken);
        if (current.Outcome != SettingsAccessOutcome.Open)
        {
            return SettingsPage.NotOpen(request, tokens, current.Outcome, posted);
        }

        var subscriber = current.Subscriber!;
        var switches = new SettingsSwitches(form["status"], form["pauseUntil"], form["prompts"], form["digest"]);
        if (!SettingsChange.TryCreate(form["zone"], form["time"], form["digestDay"], form["digestTime"], form["goal"], form["memories"], form["receipts"], form["twelveHour"], switches, subscriber, settings.Today(subscriber), out var change, out var error))
        {
            return SettingsPage.Render(request, tokens, current, posted, error + " Nothing was changed.", noticeIsError: true, status: StatusCodes.Status400BadRequest);
        }

        await settings.ApplyAsync(subscriber, change!, cancellationToken);
        return new SeeOtherResult(SettingsPage.Url(posted) + "&saved=1");
    }
}
