using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Digests;

/// <summary>A built-in, deterministic sample history, so anyone can look at a prompt or digest (<c>compersion preview</c>) and benchmarks have a realistic journal.</summary>
/// <remarks>
/// The history ends the day before <c>date</c>: most days have five gratitudes (some fewer, a few none), people and
/// joy in others recur, and kind acts are spread over the days, ending this week with a repeated pairing and one act
/// that can't be classified, so every part of the digest has something to show.
/// </remarks>
public static class SampleJournal
{
    /// <summary>The sample subscriber's id.</summary>
    public const string SubscriberId = "samplesubscriber";

    private static readonly string[] Gratitudes =
    [
        "Sam brought me lunch even though it was really far out of his way",
        "The first coffee on the balcony while the street was still quiet",
        "My sister got the job she wanted and called me first",
        "Priya laughed so hard at my terrible pun that she snorted",
        "The rain stopped exactly when I left the office",
        "Mum sent a photo of the tomatoes she grew from my seeds",
        "A stranger held the lift door and wished me a good weekend",
        "My legs felt strong on the long hill by the river",
        "Finishing the report two days early and feeling light afterwards",
        "Jonas was so proud of his first loaf of sourdough",
        "The smell of the bakery on the corner at seven",
        "My boyfriend's girlfriend texted to say she loved the book I lent her",
        "Getting through a hard conversation at work without raising my voice",
        "The neighbour's kids drew chalk flowers on the pavement",
        "A long call with Grandad about his first job at the docks",
        "Clean sheets and an early night",
        "The bus driver waited for the woman running with her shopping",
        "Sam and I cooked dumplings and most of them held together",
        "The first cherry blossom on the way to the station",
        "My coworker Lena finally got her visa and did a little dance",
        "health",
        "my family",
    ];

    private static readonly string[] Acts =
    [
        "left a thank-you note on my neighbour's car",
        "paid for the coffee of the person behind me",
        "taught my nephew to tie his shoelaces",
        "brought banana bread in for the team",
        "walked my neighbour's dog while she was ill",
        "volunteered at the food bank sorting tins",
        "sent my metamour a good luck message before her exam",
        "called my grandad and let him tell the docks story again",
        "filled the bird feeder in the park",
        "fixed Priya's bike chain",
        "bought flowers for my boyfriend for no reason",
        "picked up litter along the canal",
        "cooked soup for my sister when she had a cold",
        "did something nice",
    ];

    /// <summary>The sample subscriber.</summary>
    public static Subscriber Subscriber { get; } = new(
        SubscriberId,
        "sample@example.org",
        "Europe/Berlin",
        new LocalTime(20, 0),
        IsoDayOfWeek.Sunday,
        new LocalTime(18, 0),
        SubscriberStatus.Active,
        CreatedAt: Instant.FromUtc(2025, 1, 1, 9, 0),
        ConfirmedAt: Instant.FromUtc(2025, 1, 1, 9, 5),
        LastReplyDate: null,
        KindnessGoal: 2);

    /// <summary>The history up to the day before <paramref name="date"/>.</summary>
    /// <param name="date">The day of the digest or prompt it is for.</param>
    /// <param name="days">How many days of gratitudes (every 11th day left empty, every 4th with three items).</param>
    /// <param name="acts">How many kind acts, the last ones in the final week.</param>
    public static SubscriberJournal Create(LocalDate date, int days = 60, int acts = 14)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(acts);
        var entries = new List<JournalEntry>();
        for (var back = days; back >= 1; back--)
        {
            var day = date.PlusDays(-back);
            if (back % 11 == 0)
            {
                continue;
            }

            var count = back % 4 == 0 ? 3 : 5;
            entries.Add(new JournalEntry(SubscriberId, day, [.. Enumerable.Range(0, count).Select(i => JournalItem.Understand(Gratitudes[(back * 5 + i) % Gratitudes.Length]))]));
        }

        var actDays = new List<KindActDay>();
        for (var n = 0; n < acts; n++)
        {
            // The last acts fall in the final week: two alike at the very end, then the unclassifiable one before them.
            var back = n < acts - 3 ? 8 + (acts - 4 - n) * Math.Max(1, (days - 8) / Math.Max(1, acts - 3)) : 6 - (n - (acts - 3)) * 2;
            var text = n switch
            {
                _ when n == acts - 1 => "shovelled the path for my neighbour before work",
                _ when n == acts - 2 => "carried my neighbour's shopping up the stairs",
                _ when n == acts - 3 => "did something nice",
                _ => Acts[n % (Acts.Length - 1)],
            };
            actDays.Add(new KindActDay(SubscriberId, date.PlusDays(-Math.Max(1, back)), [ActClassifier.ToAct(text)]));
        }

        var merged = actDays.GroupBy(day => day.Date).Select(group => new KindActDay(SubscriberId, group.Key, [.. group.SelectMany(day => day.Acts)])).OrderBy(day => day.Date).ToList();
        // Digests came before this one (their suggestions long past), so it reads as a regular week, not the first.
        return new SubscriberJournal(Subscriber, entries) { Acts = merged, Digests = [new DigestRecord(date.PlusWeeks(-20), [])] };
    }
}
