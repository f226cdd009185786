using System.Globalization;
using Compersion.Core.Digests;
using Compersion.Core.Kindness;
using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace Compersion.Core.Mail;

/// <summary>Writes the weekly digest: plain text and HTML from the same view, through the Fluid templates.</summary>
/// <remarks>
/// Warm and short, never a scoreboard: a quiet week is met with kindness, an empty kindness week with small ideas.
/// Every piece of user text is escaped in the HTML (the templates' encoder), and the mail carries a
/// <see cref="TokenPurpose.Digest"/> reply token, so a reply to it logs kind acts.
/// </remarks>
/// <param name="signer">Signs the reply and unsubscribe tokens.</param>
/// <param name="options">The sending address and name, and the domains links and replies use.</param>
public sealed class DigestComposer(TokenSigner signer, IOptions<MailOptions> options)
{
    /// <summary>The <see cref="OutgoingMail.Kind"/> of the digest.</summary>
    public const string DigestKind = "digest";

    /// <summary>Most items of joy noticed in others a digest quotes.</summary>
    public const int MaxJoy = 1;

    /// <summary>The secrecy reminder, after the article: untold acts are remembered longer.</summary>
    public const string SecrecyLine = "Keep them secret: you'll remember them longer.";

    private static readonly LocalDatePattern RangeDay = LocalDatePattern.Create("dddd d", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern RangeDayMonth = LocalDatePattern.Create("dddd d MMMM", CultureInfo.InvariantCulture);

    private readonly TokenSigner signer = signer ?? throw new ArgumentNullException(nameof(signer));
    private readonly MailOptions options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <summary>Composes the digest mail.</summary>
    /// <param name="subscriber">Who it is for.</param>
    /// <param name="digest">What it says (<see cref="DigestBuilder.Build"/>).</param>
    /// <param name="jobId">The outbound job's id, carried as an opaque tag.</param>
    public OutgoingMail Compose(Subscriber subscriber, WeeklyDigest digest, string jobId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var view = View(digest, options.FromName) with { AddressesLine = AddressesLine(subscriber) };
        var subject = digest.FirstWeek
            ? $"Your first week of gratitude and kindness — {MailFormat.Day(digest.Date)}"
            : $"Your week of gratitude and kindness — {MailFormat.Day(digest.Date)}";
        var links = UnsubscribeLinks.Create(signer, options, subscriber.Id, digest.Date);
        var footer = ListFooterView.For(
            $"a weekly digest on {subscriber.DigestDay}s at {MailFormat.Schedule(subscriber.DigestTime, subscriber.Zone, subscriber.TwelveHourClock)}", links,
            SettingsLinks.ForScheduledMail(signer, options, subscriber, digest.Date, subscriber.DigestTime),
            JournalLinks.ForScheduledMail(signer, options, subscriber, digest.Date, subscriber.DigestTime));
        var body = MailTemplateSet.Render("digest", view, subject, Preheader(digest), options.FromName, "list-footer", footer);

        return ComposedMail.To(subscriber, options, DigestKind, ReplyAddress.For(signer, options, TokenPurpose.Digest, subscriber.Id, digest.Date), subject, body, links.Headers, jobId);
    }

    // Which further addresses can write to the journal, masked: a weekly reminder, so one added by mistake (or by someone
    // else with a settings link) is noticed.
    private static string AddressesLine(Subscriber subscriber) => subscriber.Extras.Count switch
    {
        0 => string.Empty,
        1 => $"Replies from {EmailAddress.Mask(subscriber.Extras[0])} are saved to your journal too. REMOVE ADDRESS and that address stops them.",
        _ => $"Replies from {string.Join(", ", subscriber.Extras.Take(subscriber.Extras.Count - 1).Select(EmailAddress.Mask))} and {EmailAddress.Mask(subscriber.Extras[^1])} are saved to your journal too. REMOVE ADDRESS and an address stops it.",
    };

    private static string Preheader(WeeklyDigest digest)
    {
        var days = digest.Gratitude.DaysJournaled;
        var acts = digest.Kindness.ThisWeek.Count;
        if (digest.FirstWeek)
        {
            return "Your first week with us, and three small ideas for the next one.";
        }

        if (days == 0 && acts == 0)
        {
            return "A quiet week, and that's okay. Three small ideas inside, if one appeals.";
        }

        return Invariant($"{Count(days, "day")} journaled, {Count(acts, "kind act")} — and three small ideas for the week ahead.");
    }

    internal static DigestView View(WeeklyDigest digest, string signature)
    {
        var gratitude = digest.Gratitude;
        var kindness = digest.Kindness;
        var grid = Grid(kindness.Recent);
        return new DigestView(
            digest.FirstWeek ? "Your first week" : "Your week, looking back",
            Range(digest.WeekStart, digest.WeekEnd),
            digest.FirstWeek ? FirstWeekLine(gratitude) : GratitudeLine(gratitude),
            ProgressLine(gratitude.CurrentRun),
            gratitude.MostSpecific is not null,
            gratitude.MostSpecific is { } specific ? $"Most specific ({specific.Date.DayOfWeek}):" : string.Empty,
            gratitude.MostSpecific is { } item ? MailFormat.Quote(item.Item.Text) : string.Empty,
            PeopleLine(gratitude.People),

            // Nothing twice: an item already shown as the most specific is not listed again.
            [.. gratitude.JoyInOthers.Where(joy => joy != gratitude.MostSpecific).Take(MaxJoy).Select(joy => MailFormat.Quote(joy.Item.Text))],
            digest.FirstWeek && kindness.ThisWeek.Count == 0
                ? "Once a week, try one small act of kindness, and tell no one. Here are three to choose from."
                : GoalLine(kindness),
            [.. kindness.ThisWeek.Select(act => new DigestActView(ActClassifier.WithoutTags(act.Text), Label(act)))],
            grid is not null,
            grid?.Rows ?? [],
            grid?.Text ?? string.Empty,
            VarietyLine(kindness.Variety),
            RepeatLine(kindness),
            [.. kindness.Suggestions.Select(idea => new DigestIdeaView(idea.Text, Details(idea)))],
            kindness.ForYouAlone is { } alone
                ? $"For you alone, from {MailFormat.Day(alone.Date, digest.Date)}: {MailFormat.Quote(ActClassifier.WithoutTags(alone.Text))}."
                : string.Empty,
            SecrecyLine,
            "Did something kind? Reply with it, one per line.",
            signature);
    }

    private static string Range(LocalDate start, LocalDate end) =>
        start.Month == end.Month
            ? $"{RangeDay.Format(start)} to {RangeDayMonth.Format(end)}"
            : $"{RangeDayMonth.Format(start)} to {RangeDayMonth.Format(end)}";

    // The first digest celebrates what is there and never counts what is not.
    private static string FirstWeekLine(GratitudeWeek week) => week.DaysJournaled switch
    {
        0 => "Your journal is ready for its first page whenever you are: just reply to your next prompt.",
        _ when week.DaysWithPerson > 0 => Invariant($"What a start: you wrote on {Count(week.DaysJournaled, "day")}, and {Count(week.DaysWithPerson, "day")} {(week.DaysWithPerson == 1 ? "had a person in it" : "had a person in them")}."),
        _ => Invariant($"What a start: you wrote on {Count(week.DaysJournaled, "day")}."),
    };

    private static string GratitudeLine(GratitudeWeek week) => week.DaysJournaled == 0
        ? "A quiet week for your journal, and that's okay — life gets full. Your next prompt is a fresh start."
        : Invariant($"You wrote on {week.DaysJournaled} of 7 days; {week.PerfectDays} count toward 22.");

    private static string ProgressLine(int run) => run switch
    {
        0 => "A new run toward 22 days can start any day you like.",
        < 22 => Invariant($"A run of {Count(run, "day")} — {22 - run} more make 22."),
        22 => "22 days in a row with five and a person: you made it. Take a moment to notice how you feel.",
        _ => Invariant($"{run} days in a row with five and a person — past 22, and still going."),
    };

    private static string PeopleLine(IReadOnlyList<PersonCount> people) => people.Count == 0
        ? string.Empty
        : "Who showed up most: " + List(people.Select(person => person.Name).ToList()) + ".";

    private static string GoalLine(KindnessWeek week)
    {
        var acts = week.ThisWeek.Count;
        if (acts == 0)
        {
            return week.Recent.Count == 0
                ? "You haven't logged a kind act yet — once a week is plenty. Here are three small ideas to start with."
                : "No kind act logged this week — no pressure at all. If one of the ideas below appeals, it's a small one.";
        }

        var logged = Count(acts, "secret act") + " this week";
        return acts >= week.Goal
            ? Invariant($"{logged}: your goal of {week.Goal} is met{(week.WeeksGoalMet > 1 ? Invariant($", {week.WeeksGoalMet} weeks in a row") : string.Empty)}.")
            : Invariant($"{logged}, toward your goal of {week.Goal}. Every one counts.");
    }

    private static string VarietyLine(VarietyReport variety)
    {
        if (variety.Classified == 0)
        {
            return string.Empty;
        }

        if (variety.Classified == 1)
        {
            return "One act so far — the next one can be something new, for someone new.";
        }

        var spread = Math.Min(variety.CategoryEvenness, variety.RecipientEvenness) switch
        {
            >= 0.8 => "a lovely spread",
            >= 0.5 => "a good mix",
            _ => "mostly one kind so far; the ideas below change it up",
        };
        return Invariant($"Your last {variety.Classified} acts: {Count(variety.DistinctPairs, "different pairing")}, {spread}.");
    }

    private static string RepeatLine(KindnessWeek week)
    {
        if (week.Variety.Repeat is not { } repeat)
        {
            return string.Empty;
        }

        return $"Your last two acts were both {KindnessNames.Pairing(repeat.Category, repeat.Recipient)}: change up what and for whom.";
    }

    // A classified act's kind and recipient are in the grid; only what could not be told is said here.
    private static string Label(LoggedAct act) => act.IsClassified
        ? string.Empty
        : act.Category != KindCategory.Unclassified
            ? KindnessNames.Phrase(act.Category)
            : act.Recipient != KindRecipient.Unclassified ? "for " + KindnessNames.Phrase(act.Recipient) : "not sure what kind: a tag like #help tells us";

    private static string Details(KindnessIdea idea)
    {
        var effort = idea.Effort switch { 1 => "a few minutes", 2 => "under an hour", _ => "an afternoon" };
        var cost = idea.Cost switch { IdeaCost.Free => "free", IdeaCost.Small => "a little money", _ => "some money" };
        return $"{effort}, {cost}";
    }

    // The category × recipient grid, shown by its filled cells: one row per recipient, the categories done for them
    // ("help ×3, words"). A full 9 × 8 table does not fit a phone's width; its filled cells always do.
    private static (IReadOnlyList<DigestGridRow> Rows, string Text)? Grid(IReadOnlyList<LoggedAct> recent)
    {
        var classified = recent.Where(act => act.IsClassified).ToList();
        if (classified.Count == 0)
        {
            return null;
        }

        var rows = KindnessNames.Recipients
            .Where(recipient => classified.Exists(act => act.Recipient == recipient))
            .Select(recipient => new DigestGridRow(
                KindnessNames.Name(recipient),
                [.. KindnessNames.Categories
                    .Select(category => (category, count: classified.Count(act => act.Category == category && act.Recipient == recipient)))
                    .Where(cell => cell.count > 0)
                    .Select(cell => cell.count == 1 ? KindnessNames.Name(cell.category) : Invariant($"{KindnessNames.Name(cell.category)} ×{cell.count}"))]))
            .ToList();
        var width = rows.Max(row => row.Recipient.Length) + 2;
        var text = string.Join('\n', rows.Select(row => ("  " + row.Recipient).PadRight(width + 2) + string.Join(", ", row.Cells)));
        return (rows, text);
    }

    private static string List(List<string> parts) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    private static string Count(int n, string noun) => n == 1 ? "1 " + noun : Invariant($"{n} {noun}s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
