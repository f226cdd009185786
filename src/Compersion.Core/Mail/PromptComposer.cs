using System.Diagnostics.CodeAnalysis;
using Compersion.Core.Journal;
using Compersion.Core.Links;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Core.Mail;

/// <summary>Decides and composes the daily five-gratitudes prompt (or, while backed off, the weekly check-in).</summary>
/// <remarks>
/// Composition is deterministic: the same subscriber, date, entries and job compose the same mail,
/// so a retried job sends what the first attempt would have. Entries belonging to anyone other
/// than the subscriber are ignored, so a store bug can never put someone else's words in a mail.
/// </remarks>
public sealed class PromptComposer
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the daily prompt.</summary>
    public const string PromptKind = "prompt";

    /// <summary>The <see cref="OutgoingMail.Kind"/> of the weekly check-in.</summary>
    public const string CheckInKind = "checkin";

    private readonly TokenSigner signer;
    private readonly MailOptions options;

    /// <summary>Creates a composer that signs reply and unsubscribe tokens with <paramref name="signer"/>.</summary>
    public PromptComposer(TokenSigner signer, IOptions<MailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        this.signer = signer;
        this.options = options.Value;
    }

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
        var footer = new ListFooterView("one short gratitude prompt a day at " + MailFormat.Schedule(subscriber.PromptTime, subscriber.Zone, subscriber.TwelveHourClock), links.Url, links.MailtoAddress, links.MailtoUrl,
            SettingsLinks.ForScheduledMail(signer, options, subscriber, date, subscriber.PromptTime),
            JournalLinks.ForScheduledMail(signer, options, subscriber, date, subscriber.PromptTime));
        var templates = PromptTemplates.Instance;

        string kind, subject, preheader, text, html;
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
            preheader = theme.Nudge;
            text = templates.RenderText("prompt.text", view);
            html = PromptTemplates.Page(subject, preheader, brand, "prompt.html", view, templates.RenderHtml("list-footer.html", footer));
        }
        else
        {
            var view = new CheckInView(dateLabel, memory is not null, memoryLead, memoryText, brand);
            kind = CheckInKind;
            subject = $"Still here whenever you'd like — {dateLabel}";
            preheader = "No pressure. One line is plenty, whenever you're ready.";
            text = templates.RenderText("checkin.text", view);
            html = PromptTemplates.Page(subject, preheader, brand, "checkin.html", view, templates.RenderHtml("list-footer.html", footer));
        }

        return new OutgoingMail(
            kind,
            subscriber.Email,
            options.From,
            options.FromName,
            ReplyAddress.For(signer, options, TokenPurpose.Prompt, subscriber.Id, date),
            subject,
            text + templates.RenderText("list-footer.text", footer),
            html,
            links.Headers,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["sid"] = subscriber.Id, ["job"] = jobId });
    }

    private static List<JournalEntry> Own(Subscriber subscriber, IReadOnlyList<JournalEntry> entries) =>
        entries.Where(entry => entry.SubscriberId == subscriber.Id).ToList();
}
