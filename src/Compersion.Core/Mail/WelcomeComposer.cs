using Compersion.Core.Links;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Mail;

/// <summary>Composes the welcome mail sent right after a subscriber confirms: the method and why, when the first prompt comes, how to reply.</summary>
/// <remarks>
/// In the article's voice and under about 180 words. It carries a prompt reply token for the day it is sent, so a reply
/// to it (five gratitudes straight away, or a command) is understood like a reply to that day's prompt.
/// </remarks>
/// <param name="signer">Signs the reply and unsubscribe tokens.</param>
/// <param name="options">The sending address and name, and the domains links and replies use.</param>
public sealed class WelcomeComposer(TokenSigner signer, IOptions<MailOptions> options)
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the welcome mail.</summary>
    public const string WelcomeKind = "welcome";

    private static readonly IReadOnlyList<NoteTerm> Commands =
    [
        new("PAUSE", "take a break, whenever you need one"),
        new("TIME 07:30", "get your prompt at another time"),
        new("HELP", "everything else you can do by email"),
    ];

    private readonly TokenSigner signer = signer ?? throw new ArgumentNullException(nameof(signer));
    private readonly MailOptions options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

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
        var footer = ListFooterView.For("one short gratitude prompt a day at " + MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock), links,
            SettingsLinks.ForScheduledMail(signer, options, subscriber, today, subscriber.PromptTime),
            JournalLinks.ForScheduledMail(signer, options, subscriber, today, subscriber.PromptTime));
        var body = MailTemplateSet.Render("welcome", view, subject, preheader, options.FromName, "list-footer", footer);

        return ComposedMail.To(subscriber, options, WelcomeKind, $"reply+{signer.ForReply(TokenPurpose.Prompt, subscriber.Id, today)}@{options.InboundDomain}", subject, body, links.Headers, jobId);
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
