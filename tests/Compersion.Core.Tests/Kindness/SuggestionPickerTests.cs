using Compersion.Core.Kindness;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Kindness;

/// <summary>The suggestion rules as properties over random histories and twelve weeks of digests each.</summary>
public sealed class SuggestionPickerTests
{
    private static readonly LocalDate FirstDigest = Date("2026-06-07");
    private static readonly IdeaCatalog Catalog = IdeaCatalog.Shipped;

    private static readonly Gen<LoggedAct> ActGen =
        from back in Gen.Choose(0, 300)
        from category in Gen.Elements(Enum.GetValues<KindCategory>())
        from recipient in Gen.Elements(Enum.GetValues<KindRecipient>())
        select new LoggedAct(FirstDigest.PlusDays(-back), "an act", category, recipient);

    // A history before the first digest, and the acts logged during each of the twelve weeks that follow.
    private static readonly Gen<(string Subscriber, List<LoggedAct> Before, List<LoggedAct>[] Weekly)> HistoryGen =
        from subscriber in Gen.Elements("abcdefghijklmnop", "qrstuvwxyz234567", "aaaaaaaaaaaaaaaa", "zzzzzzzzzzzzzzzz")
        from count in Gen.Choose(0, 40)
        from before in ActGen.ListOf(count)
        from weekly in (from n in Gen.Choose(0, 3)
                        from week in ActGen.ListOf(n)
                        select week).ArrayOf(12)
        select (subscriber, before.ToList(), weekly.Select((week, i) => week.Select(act => act with { Date = FirstDigest.PlusWeeks(i).PlusDays(-1 - (FirstDigest.Day + act.Text.Length + i) % 6) }).ToList()).ToArray());

    [Fact]
    public void Pick_RandomHistories_FollowsEveryRuleEveryWeek()
    {
        Prop.ForAll(HistoryGen.ToArbitrary(), history =>
        {
            var acts = history.Before.OrderBy(act => act.Date).ToList();
            var suggested = new List<(LocalDate Date, string IdeaId)>();
            for (var week = 0; week < history.Weekly.Length; week++)
            {
                var date = FirstDigest.PlusWeeks(week);
                acts = [.. acts.Concat(history.Weekly[week]).OrderBy(act => act.Date)];
                var picked = SuggestionPicker.Pick(history.Subscriber, date, acts, suggested, Catalog);
                var again = SuggestionPicker.Pick(history.Subscriber, date, acts, suggested, Catalog);

                Check(picked, again, acts, suggested, date);
                suggested.AddRange(picked.Select(idea => (date, idea.Id)));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Pick_LastActUsedMostPairs_SuggestsPairsNeverUsed()
    {
        var used = KindnessPairs.All.Take(40).Select((pair, i) => new LoggedAct(FirstDigest.PlusDays(-40 + i), "an act", pair.Category, pair.Recipient)).ToList();
        var fresh = KindnessPairs.All.Skip(40).ToHashSet();

        var picked = SuggestionPicker.Pick(AlexId, FirstDigest, used, [], Catalog);

        Assert.All(picked, idea => Assert.Contains((idea.Category, idea.Recipient), fresh));
    }

    [Fact]
    public void Pick_TwoSubscribersSameHistory_MayDifferButEachIsStable()
    {
        var acts = new List<LoggedAct> { new(FirstDigest.PlusDays(-2), "an act", KindCategory.Help, KindRecipient.Neighbour) };

        var alex = SuggestionPicker.Pick(AlexId, FirstDigest, acts, [], Catalog);
        var sam = SuggestionPicker.Pick(SamId, FirstDigest, acts, [], Catalog);

        Assert.Equal(alex, SuggestionPicker.Pick(AlexId, FirstDigest, acts, [], Catalog));
        Assert.NotEqual(alex.Select(idea => idea.Id), sam.Select(idea => idea.Id));
    }

    private static void Check(
        IReadOnlyList<KindnessIdea> picked, IReadOnlyList<KindnessIdea> again, List<LoggedAct> acts, List<(LocalDate Date, string IdeaId)> suggested, LocalDate date)
    {
        if (picked.Count != SuggestionPicker.Count || picked.Select(idea => idea.Id).Distinct().Count() != SuggestionPicker.Count)
        {
            throw new InvalidOperationException($"{date}: not three different ideas");
        }

        if (!picked.SequenceEqual(again))
        {
            throw new InvalidOperationException($"{date}: not stable");
        }

        var past = acts.Where(act => act.Date < date).ToList();
        if (past.Count > 0)
        {
            var last = past[^1];
            if (picked.Any(idea => (last.Category != KindCategory.Unclassified && idea.Category == last.Category) ||
                                   (last.Recipient != KindRecipient.Unclassified && idea.Recipient == last.Recipient)))
            {
                throw new InvalidOperationException($"{date}: a suggestion shares the last act's category or recipient ({last.Category}, {last.Recipient})");
            }
        }

        var recent = suggested.Where(s => s.Date > date.PlusWeeks(-SuggestionPicker.NoRepeatWeeks)).Select(s => s.IdeaId).ToHashSet();
        if (picked.Any(idea => recent.Contains(idea.Id)))
        {
            throw new InvalidOperationException($"{date}: an idea of the last eight weeks came back");
        }

        if (picked.Select(idea => idea.Effort).Distinct().Count() < 2)
        {
            throw new InvalidOperationException($"{date}: all three ideas take the same effort");
        }

        if (picked.Select(idea => idea.Category).Distinct().Count() < 3 || picked.Select(idea => idea.Recipient).Distinct().Count() < 3)
        {
            throw new InvalidOperationException($"{date}: two ideas share a category or a recipient");
        }

        // Every suggestion's pair is among the least recently used (in whole weeks) of the pairs still allowed, as far as they go.
        var lastUse = past.GroupBy(act => (act.Category, act.Recipient)).ToDictionary(group => group.Key, group => group.Max(act => act.Date));
        var allowed = Catalog.Ideas.Where(idea => !recent.Contains(idea.Id) && (past.Count == 0 ||
            ((past[^1].Category == KindCategory.Unclassified || idea.Category != past[^1].Category) &&
             (past[^1].Recipient == KindRecipient.Unclassified || idea.Recipient != past[^1].Recipient))));
        var freshest = allowed.Select(idea => SuggestionPicker.Staleness(date, lastUse, (idea.Category, idea.Recipient))).OrderDescending().Take(SuggestionPicker.Count).ToList();
        var staleness = picked.Select(idea => SuggestionPicker.Staleness(date, lastUse, (idea.Category, idea.Recipient))).OrderDescending().ToList();
        if (!staleness.SequenceEqual(freshest))
        {
            throw new InvalidOperationException($"{date}: suggestions not among the least recently used pairs ({string.Join(",", staleness)} vs {string.Join(",", freshest)})");
        }
    }
}
