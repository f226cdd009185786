using Compersion.Core.Links;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Core.Mail;

/// <summary>Composes the welcome mail sent right after a subscriber confirms: the method and why, when the first prompt comes, how to reply.</summary>
/// <remarks>
/// In the article's voice and under about 180 words. It carries a prompt reply token for the day it is sent, so a reply
/// to it (five gratitudes straight away, or a command) is understood like a reply to that day's prompt.
/// </remarks>
public sealed class WelcomeComposer
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the welcome mail.</summary>
    public const string WelcomeKind = "welcome";

    private static readonly IReadOnlyList<NoteTerm> Commands =
    [
        new("PAUSE", "take a break, whenever you need one"),
        new("TIME 07:30", "get your prompt at another time"),
        new("HELP", "everything else you can do by email"),
    ];

    private readonly TokenSigner signer;
    private readonly MailOptions options;

    /// <summary>Creates a composer that signs reply and unsubscribe tokens with <paramref name="signer"/>.</summary>
    public WelcomeComposer(TokenSigner signer, IOptions<MailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        this.signer = signer;
        this.options = options.Value;
    }

    /// <summary>Composes the welcome mail as of <paramref name="now"/>.</summary>
    /// <param name="subscriber">The subscriber who has just confirmed.</param>
    /// <param name="now">When it is composed: the first prompt is the next one after it.</param>
    /// <param name="jobId">The outbound job's id, carried as an opaque tag.</param>
    public OutgoingMail Compose(Subscriber subscriber, Instant now, string jobId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var zone = subscriber.TimeZone;
        var today = now.InZone(zone).Date;
        var (firstDate, _) = LocalSchedule.NextDaily(zone, subscriber.PromptTime, now);
        var view = new WelcomeView(FirstPrompt(today, firstDate, subscriber), Commands, options.FromName);
        const string subject = "Welcome: here's how it works";
        const string preheader = "Five gratitudes a day, one with a person in it, and a secret kind act a week.";

        var links = UnsubscribeLinks.Create(signer, options, subscriber.Id, today);
        var footer = new ListFooterView("one short gratitude prompt a day at " + MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock), links.Url, links.MailtoAddress, links.MailtoUrl,
            SettingsLinks.ForScheduledMail(signer, options, subscriber, today, subscriber.PromptTime));
        var templates = PromptTemplates.Instance;

        return new OutgoingMail(
            WelcomeKind,
            subscriber.Email,
            options.From,
            options.FromName,
            $"reply+{signer.ForReply(TokenPurpose.Prompt, subscriber.Id, today)}@{options.InboundDomain}",
            subject,
            templates.RenderText("welcome.text", view) + templates.RenderText("list-footer.text", footer),
            PromptTemplates.Page(subject, preheader, options.FromName, "welcome.html", view, templates.RenderHtml("list-footer.html", footer)),
            links.Headers,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["sid"] = subscriber.Id, ["job"] = jobId });
    }

    // "this evening at 20:00 Berlin time", "tomorrow morning at 07:30 Berlin time".
    private static string FirstPrompt(LocalDate today, LocalDate first, Subscriber subscriber)
    {
        var part = subscriber.PromptTime.Hour switch
        {
            < 12 => "morning",
            < 17 => "afternoon",
            _ => "evening",
        };
        var day = first == today ? "this " + part : first == today.PlusDays(1) ? "tomorrow " + part : "on " + MailFormat.Day(first);
        return $"{day} at {MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock)}";
    }
}
