using Compersion.Core.Mail;
using Compersion.Core.Subscribers;
using Compersion.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace Compersion.Functions;

/// <summary><c>POST /api/subscribe</c>: sign up (double opt-in). The answer never says whether the address was known.</summary>
/// <remarks>
/// Content negotiation: a browser posting the sign-up page's form (form-encoded, <c>Accept: text/html</c>) gets a
/// page — the thank-you explaining the confirmation email, or the form again with what to fix. Everyone else (JSON,
/// or a form from curl) gets the JSON answer as before.
/// </remarks>
public sealed class SubscribeFunction(SubscriptionService subscriptions)
{
    internal const string Accepted = "Thank you! We've sent you an email with a link to confirm. Nothing else arrives until you click it.";

    /// <summary>Validates the form or JSON body and queues a confirmation email.</summary>
    [Function(nameof(SubscribeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Subscribe)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var browser = request.HasFormContentType && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        var (signUp, error, fields) = await SignUpForm.ReadWithFieldsAsync(request.Body, request.ContentType, request.ContentLength, cancellationToken);
        if (signUp is null)
        {
            return browser ? Again(error!, fields) : new BadRequestObjectResult(new { error });
        }

        await subscriptions.SignUpAsync(signUp, cancellationToken);
        return browser
            ? Page.Message(
                StatusCodes.Status200OK,
                "Check your inbox",
                [
                    "Thank you! We've sent an email to the address you gave, with a link to confirm it's you.",
                    "Click it within three days and your first email asking for five gratitudes arrives at the time you chose. Nothing else comes until you click — and if you didn't mean to sign up, just ignore it.",
                    "Can't find it? Look in your spam or promotions folder.",
                ])
            : new AcceptedResult((string?)null, new { message = Accepted });
    }

    // The form again, as it was typed, with the reason on top.
    private static HtmlResult Again(string error, IReadOnlyDictionary<string, string?> fields)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) ? value : null;
        SignUpRequest.TryParseTime(Field("time"), Subscriber.DefaultPromptTime, out var time);
        SignUpRequest.TryParseTime(Field("digestTime"), Subscriber.DefaultDigestTime, out var digestTime);
        var day = SignUpRequest.TryParseDay(Field("digestDay"), out var parsedDay) ? parsedDay : IsoDayOfWeek.Sunday;
        var goal = SignUpRequest.TryParseGoal(Field("goal"), out var parsedGoal) ? parsedGoal : Subscriber.DefaultKindnessGoal;
        var email = Field("email") ?? string.Empty;
        var clock = Field("clock")?.Trim() is { } posted && posted is "12" or "24" ? posted : string.Empty;
        return SignUpPageFunction.Render(StatusCodes.Status400BadRequest, error, email.Length > 254 ? email[..254] : email, time, Field("zone")?.Trim(), day, digestTime, goal, clock);
    }
}
