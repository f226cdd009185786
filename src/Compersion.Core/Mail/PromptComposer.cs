using System.Diagnostics.CodeAnalysis;
using Compersion.Core.Journal;
using Compersion.Core.Links;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Mail;

/// <summary>Decides and composes the daily five-gratitudes prompt (or, while backed off, the weekly check-in).</summary>
/// <remarks>
/// Composition is deterministic: the same subscriber, date, entries and job compose the same mail,
/// so a retried job sends what the first attempt would have. Entries belonging to anyone other
/// than the subscriber are ignored, so a store bug can never put someone else's words in a mail.
/// </remarks>
/// <param name="signer">Signs the reply and unsubscribe tokens.</param>
/// <param name="options">The sending address and name, and the domains links and replies use.</param>
public sealed class PromptComposer(TokenSigner signer, IOptions<MailOptions> options)
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the daily prompt.</summary>
    public const string PromptKind = "prompt";

    /// <summary>The <see cref="OutgoingMail.Kind"/> of the weekly check-in.</summary>
    public const string CheckInKind = "checkin";

    private readonly TokenSigner signer = signer ?? throw new ArgumentNullException(nameof(signer));
    private readonly MailOptions options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <summary>Whether <paramref name="date"/> gets the daily prompt, a check-in, or nothing.</summary>
    /// <param name="subscriber">Who it is for.</param>
    /// <param name="date">The subscriber's local date of the prompt.</param>
    /// <param name="entries">The subscriber's journal entries (any order).</param>
    /// <remarks>Daily until 14 days pass without a reply; then a check-in every 7th day until the next reply.</remarks>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the composer's injected surface; callers hold an instance.")]
    public PromptPlan Plan(Subscriber subscriber, LocalDate date, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(entries);
        return BackOffPolicy.Plan(subscriber, date, Own(subscriber, entries));
    }

    /// <summary>Composes the mail for a <see cref="PromptPlan.Daily"/> or <see cref="PromptPlan.CheckIn"/> plan.</summary>
    /// <param name="subscriber">Who it is for.</param>
    /// <param name="date">The subscriber's local date of the prompt; replies are filed under it.</param>
    /// <param name="entries">The subscriber's journal entries (any order).</param>
    /// <param name="plan">What <see cref="Plan"/> decided; <see cref="PromptPlan.Skip"/> has nothing to compose.</param>
    /// <param name="jobId">The outbound job's id, carried as an opaque tag.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plan"/> is <see cref="PromptPlan.Skip"/> or unknown.</exception>
    public OutgoingMail Compose(Subscriber subscriber, LocalDate date, IReadOnlyList<JournalEntry> entries, PromptPlan plan, string jobId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        if (plan is not (PromptPlan.Daily or PromptPlan.CheckIn))
        {
            throw new ArgumentOutOfRangeException(nameof(plan), plan, "Only a daily prompt or a check-in can be composed.");
        }

        var own = Own(subscriber, entries);
        var memory = MemoryPicker.Pick(subscriber.Id, date, own, subscriber.MemoriesEnabled);
        var memoryLead = memory is null ? string.Empty : MailFormat.MemoryLead(memory, date);
        var memoryText = memory is null ? string.Empty : MailFormat.Quote(memory.Item.Text);
        var dateLabel = MailFormat.Day(date);
        var brand = options.FromName;

        var links = UnsubscribeLinks.Create(signer, options, subscriber.Id, date);
        var footer = ListFooterView.For("one short gratitude prompt a day at " + MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock), links,
            SettingsLinks.ForScheduledMail(signer, options, subscriber, date, subscriber.PromptTime),
            JournalLinks.ForScheduledMail(signer, options, subscriber, date, subscriber.PromptTime));

        string kind, subject;
        MailBody body;
        if (plan == PromptPlan.Daily)
        {
            var theme = ThemeRotation.For(subscriber.Id, date);
            var progress = AdherenceProgress.For(date, own);
            var view = new PromptView(
                dateLabel,
                theme.Name,
                theme.Nudge,
                Guidance.For(subscriber.Id, date),
                progress.Line,
                new string('\u25CF', progress.Displayed),
                new string('\u25CB', AdherenceProgress.Goal - progress.Displayed),
                $"{progress.Displayed} of {AdherenceProgress.Goal} days",
                memory is not null,
                memoryLead,
                memoryText,
                brand);
            kind = PromptKind;
            subject = $"Five gratitudes for {dateLabel}";
            body = MailTemplateSet.Render("prompt", view, subject, theme.Nudge, brand, "list-footer", footer);
        }
        else
        {
            var view = new CheckInView(dateLabel, memory is not null, memoryLead, memoryText, brand);
            kind = CheckInKind;
            subject = $"Still here whenever you'd like — {dateLabel}";
            body = MailTemplateSet.Render("checkin", view, subject, "No pressure. One line is plenty, whenever you're ready.", brand, "list-footer", footer);
        }

        return ComposedMail.To(subscriber, options, kind, ReplyAddress.For(signer, options, TokenPurpose.Prompt, subscriber.Id, date), subject, body, links.Headers, jobId);
    }

    private static List<JournalEntry> Own(Subscriber subscriber, IReadOnlyList<JournalEntry> entries) =>
        entries.Where(entry => entry.SubscriberId == subscriber.Id).ToList();
}
