using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime;

namespace Compersion.Functions.Pages;

/// <summary>The sign-up pages: the form (empty, or again with what to fix), "check your inbox", and the confirmation link's button and answers.</summary>
internal static class SignUpPages
{
    /// <summary>The JSON answer to an accepted sign-up.</summary>
    public const string Accepted = "Thank you! We've sent you an email with a link to confirm. Nothing else arrives until you click it.";

    /// <summary>The confirmation page's path under the public base URL.</summary>
    public const string ConfirmPath = Routes.Prefix + Routes.Confirm;

    /// <summary>The empty form.</summary>
    public static HtmlResult Empty() =>
        Form(StatusCodes.Status200OK, string.Empty, string.Empty, Subscriber.DefaultPromptTime, null, IsoDayOfWeek.Sunday, Subscriber.DefaultDigestTime, Subscriber.DefaultKindnessGoal, string.Empty);

    /// <summary>The form again, as it was typed, with the reason on top.</summary>
    public static HtmlResult Again(string error, IReadOnlyDictionary<string, string?> fields)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) ? value : null;
        SignUpRequest.TryParseTime(Field("time"), Subscriber.DefaultPromptTime, out var time);
        SignUpRequest.TryParseTime(Field("digestTime"), Subscriber.DefaultDigestTime, out var digestTime);
        var day = SignUpRequest.TryParseDay(Field("digestDay"), out var parsedDay) ? parsedDay : IsoDayOfWeek.Sunday;
        var goal = SignUpRequest.TryParseGoal(Field("goal"), out var parsedGoal) ? parsedGoal : Subscriber.DefaultKindnessGoal;
        var email = Field("email") ?? string.Empty;
        var clock = Field("clock")?.Trim() is { } posted && posted is "12" or "24" ? posted : string.Empty;
        return Form(StatusCodes.Status400BadRequest, error, email.Length > 254 ? email[..254] : email, time, Field("zone")?.Trim(), day, digestTime, goal, clock);
    }

    /// <summary>The page after a browser's sign-up: the confirmation email is on its way.</summary>
    public static HtmlResult CheckInbox() => Page.Message(
        StatusCodes.Status200OK,
        "Check your inbox",
        [
            "Thank you! We've sent an email to the address you gave, with a link to confirm it's you.",
            "Click it within three days and your first email asking for five gratitudes arrives at the time you chose. Nothing else comes until you click — and if you didn't mean to sign up, just ignore it.",
            "Can't find it? Look in your spam or promotions folder.",
        ]);

    /// <summary>The confirmation link's page: a button while the sign-up waits (a mail scanner fetching the link confirms nothing), else what the link did.</summary>
    public static HtmlResult Confirmation(LinkOutcome opened, SignedButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        return opened == LinkOutcome.Pending
            ? Page.Message(StatusCodes.Status200OK, "One last step", ["Press the button to start your daily gratitude emails. Nothing comes until you do."], button.Form(ConfirmPath, "Yes, start my emails"))
            : Confirmed(opened);
    }

    /// <summary>The answer to the confirmation button, or to a link that confirms nothing.</summary>
    public static HtmlResult Confirmed(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Done => Page.Render(200, "You're in", "A short welcome is on its way; your first prompt comes at the time you chose, and you just reply to it with five things you're grateful for, one about a person."),
        LinkOutcome.AlreadyDone => Page.Render(200, "Already confirmed", "You're all set; there's nothing more to do."),
        LinkOutcome.Expired => Page.Render(400, "This link has expired", "Confirmation links last three days. Sign up again and we'll send you a fresh one."),
        _ => Page.Render(400, "This link doesn't work", "It may have been cut short or changed. Copy the whole link from the email, or sign up again."),
    };

    private static HtmlResult Form(int status, string error, string email, LocalTime time, string? zone, IsoDayOfWeek digestDay, LocalTime digestTime, int goal, string clock) =>
        new(status, PageTemplates.Render(
            "Sign up",
            "signup.html",
            new SignUpView(error, email, Choices.Time(time), Choices.Zones(zone), Choices.Days(digestDay), Choices.Time(digestTime), Choices.Goals(goal), clock),
            Routes.Asset("signup.js")));
}
