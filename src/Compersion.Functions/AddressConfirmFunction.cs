using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Functions;

/// <summary><c>/api/address/confirm?token=…</c>: the link mailed to a new address. GET shows a button (a mail scanner fetching the link changes nothing); POST confirms.</summary>
public sealed class AddressConfirmFunction(AddressChangeService addresses, FormTokens tokens)
{
    /// <summary>Shows the confirmation page, or confirms.</summary>
    [Function(nameof(AddressConfirmFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.AddressConfirm)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method))
        {
            var token = request.Query["token"].ToString();
            var (outcome, pending) = await addresses.OpenRequestAsync(token, cancellationToken);
            if (outcome != AddressConfirmOutcome.Open)
            {
                return Answer(outcome);
            }

            var button = new ButtonForm(AddressChangeService.ConfirmPath, [new HiddenField("token", token), new HiddenField(FormTokens.FieldName, tokens.TokenFor(token, FormGuard.Nonce(request)))], pending!.Extra ? "Yes, save replies from here" : "Yes, use this address");
            return pending.Extra
                ? Page.Message(
                    StatusCodes.Status200OK,
                    "Save replies from this address?",
                    [$"From now on, replies from {pending.Email} will be saved to your Compersion journal, as replies from your main address are. Your emails keep coming where they come now."],
                    button)
                : Page.Message(
                    StatusCodes.Status200OK,
                    "Send your Compersion emails here?",
                    [$"From now on your daily prompt, your weekly digest and every note will come to {pending.Email}. Your journal stays just as it is."],
                    button);
        }

        var (form, problem, status) = await FormReader.ReadAsync(request, SettingsPage.SettingsFormBytes, cancellationToken);
        if (form is null)
        {
            return Page.Render(status, "That didn't go through", problem!);
        }

        var posted = form["token"].ToString();
        var check = FormGuard.Check(tokens, request, form, posted);
        return check != FormCheck.Valid ? FormGuard.Refused(check) : Answer(await addresses.ConfirmAsync(posted, cancellationToken));
    }

    private static HtmlResult Answer(AddressConfirmOutcome outcome) => outcome switch
    {
        AddressConfirmOutcome.Added => Page.Message(StatusCodes.Status200OK, "All set", ["Replies from this address are saved to your journal from now on. Your emails keep coming to your main address, which has a short note about it."]),
        AddressConfirmOutcome.Done => Page.Message(StatusCodes.Status200OK, "All set", ["Your Compersion emails come to this address from now on. Replies from here are read as before, even to emails that went to your old address."]),
        AddressConfirmOutcome.Taken => Page.Message(StatusCodes.Status409Conflict, "This address is already in use", ["This address is already in use with Compersion, so it can't be added here. Nothing was changed."]),
        AddressConfirmOutcome.Gone => Page.Message(StatusCodes.Status404NotFound, "There's nothing here any more", ["The journal this link was for has been deleted, so there is nothing to move."]),
        AddressConfirmOutcome.NotPending => Page.Message(StatusCodes.Status400BadRequest, "This link doesn't confirm anything now", ["It was used already, a newer one replaced it, or its 24 hours are over. Nothing was changed. You can ask again from your settings page."]),
        _ => Page.Message(StatusCodes.Status400BadRequest, "This link doesn't work", ["It may have been cut short or changed. Copy the whole link from the email."]),
    };
}
