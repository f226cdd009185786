using System.Globalization;
using Compersion.Core.Common;
using NodaTime.Text;

namespace Compersion.Core.Kindness;

/// <summary>Chooses the week's three ideas from the catalog, favouring what the subscriber has not done lately.</summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item>every suggestion differs from the latest act in both category and recipient (where those are known);</item>
/// <item>no idea suggested in the last <see cref="NoRepeatWeeks"/> weeks comes back;</item>
/// <item>pairs used least recently come first, counted in whole weeks (a pair not done for <see cref="FreshWeeks"/>
/// weeks is as fresh as one never done);</item>
/// <item>among equally fresh ideas, the three differ from each other in category and recipient, then in effort;</item>
/// <item>then the least recently used pair, category and recipient, then a pseudo-random order seeded by subscriber and date.</item>
/// </list>
/// <para>Deterministic: the same subscriber, date, acts and earlier suggestions give the same three, so a re-sent digest
/// suggests what the first one did.</para>
/// </remarks>
public static class SuggestionPicker
{
    /// <summary>Suggestions per digest.</summary>
    public const int Count = 3;

    /// <summary>An idea suggested within this many weeks is not suggested again.</summary>
    public const int NoRepeatWeeks = 8;

    /// <summary>A pair not done for this many weeks counts as fresh as one never done.</summary>
    public const int FreshWeeks = 9;

    /// <summary>Picks the suggestions for the digest of <paramref name="date"/>.</summary>
    /// <param name="subscriberId">Whose digest (seeds the order of equally good ideas).</param>
    /// <param name="date">The digest's local date; acts on or after it are ignored (they belong to next week's digest).</param>
    /// <param name="acts">The subscriber's acts, oldest first.</param>
    /// <param name="earlier">Ideas suggested by earlier digests, with the digest's date (older ones are ignored).</param>
    /// <param name="catalog">The idea catalog.</param>
    /// <param name="avoid">Recipients to leave out (a first digest assumes nothing about partners or metamours).</param>
    /// <returns>Three ideas (fewer only if the catalog ran out), each picked greedily by the rules above.</returns>
    public static IReadOnlyList<KindnessIdea> Pick(
        string subscriberId, LocalDate date, IReadOnlyList<LoggedAct> acts, IEnumerable<(LocalDate Date, string IdeaId)> earlier, IdeaCatalog catalog, IReadOnlySet<KindRecipient>? avoid = null)
    {
        ArgumentNullException.ThrowIfNull(subscriberId);
        ArgumentNullException.ThrowIfNull(acts);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(catalog);
        var past = acts.Where(act => act.Date < date).ToList();
        var last = past.Count > 0 ? past[^1] : null;
        var since = date.PlusWeeks(-NoRepeatWeeks);
        var recentlySuggested = earlier.Where(s => s.Date > since && s.Date < date).Select(s => s.IdeaId).ToHashSet(StringComparer.Ordinal);

        var pairUsed = LastUse(past, act => (act.Category, act.Recipient));
        var categoryUsed = LastUse(past, act => act.Category);
        var recipientUsed = LastUse(past, act => act.Recipient);
        var seed = StableHash.Of(subscriberId, "suggestions", LocalDatePattern.Iso.Format(date));

        var pool = catalog.Ideas
            .Where(idea => last is null ||
                           ((last.Category == KindCategory.Unclassified || idea.Category != last.Category) &&
                            (last.Recipient == KindRecipient.Unclassified || idea.Recipient != last.Recipient)))
            .Where(idea => !recentlySuggested.Contains(idea.Id))
            .Where(idea => avoid is null || !avoid.Contains(idea.Recipient))
            .ToList();

        var chosen = new List<KindnessIdea>(Count);
        while (chosen.Count < Count)
        {
            var next = pool
                .Where(idea => !chosen.Contains(idea))
                .OrderByDescending(idea => Staleness(date, pairUsed, (idea.Category, idea.Recipient)))
                .ThenBy(idea => chosen.Exists(other => other.Category == idea.Category || other.Recipient == idea.Recipient))
                .ThenBy(idea => chosen.Exists(other => other.Effort == idea.Effort))
                .ThenBy(idea => pairUsed.GetValueOrDefault((idea.Category, idea.Recipient), LocalDate.MinIsoValue))
                .ThenBy(idea => categoryUsed.GetValueOrDefault(idea.Category, LocalDate.MinIsoValue))
                .ThenBy(idea => recipientUsed.GetValueOrDefault(idea.Recipient, LocalDate.MinIsoValue))
                .ThenBy(idea => Shuffle(seed, idea.Id))
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }

            chosen.Add(next);
        }

        return chosen;
    }

    /// <summary>Whole weeks since a pair was last done, up to <see cref="FreshWeeks"/> (also for never): the coarse "least recently used".</summary>
    internal static int Staleness<T>(LocalDate date, Dictionary<T, LocalDate> lastUse, T key)
        where T : notnull =>
        lastUse.TryGetValue(key, out var used) ? Math.Min(FreshWeeks, Period.Between(used, date, PeriodUnits.Days).Days / 7) : FreshWeeks;

    private static Dictionary<T, LocalDate> LastUse<T>(List<LoggedAct> acts, Func<LoggedAct, T> key)
        where T : notnull
    {
        var last = new Dictionary<T, LocalDate>();
        foreach (var act in acts)
        {
            last[key(act)] = act.Date;
        }

        return last;
    }

    private static ulong Shuffle(ulong seed, string ideaId)
    {
        var state = seed ^ ulong.Parse(ideaId, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return StableHash.Next(ref state);
    }
}
