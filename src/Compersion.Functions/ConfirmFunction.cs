using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/confirm?token=…</c>: the double opt-in link. GET shows a button (a mail scanner fetching the link confirms nothing); POST confirms.</summary>
/// <remarks>A GET of a link whose sign-up is already confirmed finishes it as a re-click always did (schedule, welcome, each once), so nothing a crash left half-done waits for a form.</remarks>
public sealed class ConfirmFunction(SubscriptionService subscriptions, FormTokens tokens)
{
    /// <summary>The confirmation page's path under the public base URL.</summary>
    public const string Path = Routes.Prefix + Routes.Confirm;

    /// <summary>Shows the confirm button, or confirms the sign-up the signed token names and schedules the first prompt.</summary>
    [Function(nameof(ConfirmFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.Confirm)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var token = request.Query["token"].ToString();
            var opened = await subscriptions.OpenConfirmationAsync(token, cancellationToken);
            return opened == LinkOutcome.Pending
                ? Page.Message(
                    StatusCodes.Status200OK,
                    "One last step",
                    ["Press the button to start your daily gratitude emails. Nothing comes until you do."],
                    new ButtonForm(Path, [new HiddenField("token", token), new HiddenField(FormTokens.FieldName, tokens.TokenFor(token, FormGuard.Nonce(request)))], "Yes, start my emails"))
                : Answer(opened);
        }

        var (form, problem, status) = await FormReader.ReadAsync(request, SettingsPage.SettingsFormBytes, cancellationToken);
        if (form is null)
        {
            return Page.Render(status, "That didn't go through", problem!);
        }

        var posted = form["token"].ToString();
        var check = FormGuard.Check(tokens, request, form, posted);
        return check != FormCheck.Valid ? FormGuard.Refused(check) : Answer(await subscriptions.ConfirmAsync(posted, cancellationToken));
    }

    private static HtmlResult Answer(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Done => Page.Render(200, "You're in", "A short welcome is on its way; your first prompt comes at the time you chose, and you just reply to it with five things you're grateful for, one about a person."),
        LinkOutcome.AlreadyDone => Page.Render(200, "Already confirmed", "You're all set; there's nothing more to do."),
        LinkOutcome.Expired => Page.Render(400, "This link has expired", "Confirmation links last three days. Sign up again and we'll send you a fresh one."),
        _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email, or sign up again."),
    };
}
