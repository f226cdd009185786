using System.Globalization;
using Compersion.Core.Common;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using Compersion.Replies;
using NodaTime.Text;

namespace Compersion.Core.Digests;

/// <summary>Works out what a weekly digest says from a subscriber's journal, acts and earlier digests.</summary>
/// <remarks>
/// Pure and deterministic: the same inputs give the same digest, so a re-composed digest says what the first did.
/// Entries and acts of anyone other than the subscriber are ignored, so a store bug can never show someone else's words.
/// </remarks>
public static class DigestBuilder
{
    /// <summary>Days a subscriber has been with us (since confirming) before a digest is sent: a week they were not here for is not reviewed.</summary>
    public const int DaysBeforeFirstDigest = 5;

    /// <summary>Most people, joyful items and unclassified acts a digest lists.</summary>
    public const int MaxListed = 3;

    // A first digest knows nothing of someone's relationships: no idea for a partner or a metamour they may not have.
    private static readonly HashSet<KindRecipient> FirstWeekAvoids = [KindRecipient.Partner, KindRecipient.Metamour];

    /// <summary>Builds the digest for <paramref name="date"/>.</summary>
    /// <param name="subscriber">Whose digest.</param>
    /// <param name="date">The digest's local date.</param>
    /// <param name="journal">The subscriber's entries, acts and earlier digest records.</param>
    /// <param name="suggestions">The week's three ideas (picked with <see cref="Suggest"/>, or read back from this date's record).</param>
    public static WeeklyDigest Build(Subscriber subscriber, LocalDate date, SubscriberJournal journal, IReadOnlyList<KindnessIdea> suggestions)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(suggestions);
        var weekStart = date.PlusDays(-7);
        var weekEnd = date.PlusDays(-1);
        var entries = journal.Entries.Where(entry => entry.SubscriberId == subscriber.Id).ToList();
        var acts = OwnActs(subscriber, journal);
        return new WeeklyDigest(
            IsFirst(journal, date),
            date,
            weekStart,
            weekEnd,
            Gratitude(subscriber, date, weekStart, weekEnd, entries),
            Kindness(subscriber, weekStart, weekEnd, acts, suggestions));
    }

    /// <summary>Whether a digest on <paramref name="date"/> comes too soon after the subscriber joined (fewer than <see cref="DaysBeforeFirstDigest"/> days).</summary>
    public static bool IsTooSoon(Subscriber subscriber, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var joined = (subscriber.ConfirmedAt ?? subscriber.CreatedAt).InZone(subscriber.TimeZone).Date;
        return Period.Between(joined, date, PeriodUnits.Days).Days < DaysBeforeFirstDigest;
    }

    /// <summary>Whether the digest of <paramref name="date"/> is the subscriber's first: no digest was recorded before it.</summary>
    public static bool IsFirst(SubscriberJournal journal, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return !journal.Digests.Any(record => record.Date < date);
    }

    /// <summary>Picks the week's three ideas from the catalog (<see cref="SuggestionPicker"/>), given what earlier digests suggested.</summary>
    public static IReadOnlyList<KindnessIdea> Suggest(Subscriber subscriber, LocalDate date, SubscriberJournal journal, IdeaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(journal);
        var earlier = journal.Digests.SelectMany(record => record.IdeaIds.Select(id => (record.Date, id)));
        return SuggestionPicker.Pick(subscriber.Id, date, OwnActs(subscriber, journal), earlier, catalog, IsFirst(journal, date) ? FirstWeekAvoids : null);
    }

    /// <summary>The ideas of a stored record, in order, leaving out any since removed from the catalog.</summary>
    public static IReadOnlyList<KindnessIdea> Resolve(DigestRecord record, IdeaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. record.IdeaIds.Select(catalog.Find).OfType<KindnessIdea>()];
    }

    private static List<LoggedAct> OwnActs(Subscriber subscriber, SubscriberJournal journal) =>
        [.. LoggedAct.From(journal.Acts.Where(day => day.SubscriberId == subscriber.Id))];

    private static GratitudeWeek Gratitude(Subscriber subscriber, LocalDate date, LocalDate weekStart, LocalDate weekEnd, List<JournalEntry> entries)
    {
        var week = entries
            .Where(entry => entry.Date >= weekStart && entry.Date <= weekEnd)
            .GroupBy(entry => entry.Date)
            .OrderBy(group => group.Key)
            .Select(group => (Date: group.Key, Items: group.SelectMany(entry => entry.Items).ToList()))
            .Where(day => day.Items.Count > 0)
            .ToList();
        var items = week.SelectMany(day => day.Items.Select(item => new DatedItem(day.Date, item))).ToList();
        return new GratitudeWeek(
            week.Count,
            week.Count(day => JournalEntry.IsPerfectDay(day.Items)),
            week.Count(day => day.Items.Exists(item => item.Social)),
            items.Count,
            AdherenceProgress.For(date, entries).CurrentRun,
            MostSpecific(items),
            People(items),
            [.. items.Where(item => item.Item.Compersion).Take(MaxListed)]);
    }

    private static KindnessWeek Kindness(Subscriber subscriber, LocalDate weekStart, LocalDate weekEnd, List<LoggedAct> acts, IReadOnlyList<KindnessIdea> suggestions)
    {
        var thisWeek = acts.Where(act => act.Date >= weekStart && act.Date <= weekEnd).ToList();
        var recent = Variety.Recent(acts, weekEnd);
        return new KindnessWeek(
            subscriber.KindnessGoal,
            thisWeek,
            recent,
            Variety.Measure(recent),
            suggestions,
            ForYouAlone(subscriber.Id, weekStart, acts),
            [.. thisWeek.Where(act => !act.IsClassified).Take(MaxListed)],
            WeeksGoalMet(subscriber.KindnessGoal, weekStart, acts));
    }

    // The article's "the key is consistency": how many weeks in a row, ending with this one, met the goal. A goal of
    // zero asks for nothing, so it has no run to count.
    private static int WeeksGoalMet(int goal, LocalDate weekStart, List<LoggedAct> acts)
    {
        if (goal <= 0 || acts.Count == 0)
        {
            return 0;
        }

        var first = acts.Min(act => act.Date);
        var run = 0;
        for (var start = weekStart; start.PlusDays(6) >= first; start = start.PlusDays(-7))
        {
            var end = start.PlusDays(6);
            if (acts.Count(act => act.Date >= start && act.Date <= end) < goal)
            {
                break;
            }

            run++;
        }

        return run;
    }

    // Specific = many content words, a named person, no vagueness; the first of equals wins.
    private static DatedItem? MostSpecific(List<DatedItem> items)
    {
        DatedItem? best = null;
        var bestScore = 0;
        foreach (var item in items.Where(item => !item.Item.Vague))
        {
            var score = ItemSignals.ContentWordCount(item.Item.Text) +
                        (ItemPeople.Find(item.Item.Text).HasName ? 2 : 0) +
                        (item.Item.Social ? 1 : 0);
            if (score > bestScore)
            {
                best = item;
                bestScore = score;
            }
        }

        return best;
    }

    private static List<PersonCount> People(List<DatedItem> items)
    {
        var days = new Dictionary<string, (HashSet<LocalDate> Days, int First)>(StringComparer.OrdinalIgnoreCase);
        var order = 0;
        foreach (var item in items.Where(item => item.Item.Social))
        {
            foreach (var name in Mentions(item.Item.Text))
            {
                if (!days.TryGetValue(name, out var seen))
                {
                    seen = ([], order++);
                    days.Add(name, seen);
                }

                seen.Days.Add(item.Date);
            }
        }

        return [.. days
            .OrderByDescending(pair => pair.Value.Days.Count)
            .ThenBy(pair => pair.Value.First)
            .Take(MaxListed)
            .Select(pair => new PersonCount(pair.Key, pair.Value.Days.Count))];
    }

    // The people an item names, as the digest shows them: "Sam", "Grandad", "your mum" (from "my mum"), "the barista".
    internal static IEnumerable<string> Mentions(string text) => ItemPeople.Find(text).Mentions();

    // An older act to savour: from about a year ago, else a month ago, else any earlier one (chosen by subscriber and week).
    private static LoggedAct? ForYouAlone(string subscriberId, LocalDate weekStart, List<LoggedAct> acts)
    {
        var older = acts.Where(act => act.Date < weekStart).ToList();
        if (older.Count == 0)
        {
            return null;
        }

        foreach (var around in new[] { weekStart.PlusYears(-1), weekStart.PlusMonths(-1) })
        {
            var near = older.Where(act => Math.Abs(Period.Between(around, act.Date, PeriodUnits.Days).Days) <= 3).ToList();
            if (near.Count > 0)
            {
                return near[StableHash.Index(near.Count, subscriberId, "for-you-alone", Iso(weekStart), Iso(around))];
            }
        }

        return older[StableHash.Index(older.Count, subscriberId, "for-you-alone", Iso(weekStart))];
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.WithCulture(CultureInfo.InvariantCulture).Format(date);
}
