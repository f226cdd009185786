using Compersion.Core.Journal;
using Compersion.Core.Kindness;

namespace Compersion.Core.Digests;

/// <summary>Everything a weekly digest reflects back, computed from the subscriber's journal and acts.</summary>
/// <param name="FirstWeek">Whether this is the subscriber's first digest: it celebrates what is there and assumes nothing.</param>
/// <param name="Date">The digest's local date.</param>
/// <param name="WeekStart">The first day of the week it looks back on (seven days before <paramref name="Date"/>).</param>
/// <param name="WeekEnd">The last day of that week (the day before <paramref name="Date"/>).</param>
/// <param name="Gratitude">The gratitude half.</param>
/// <param name="Kindness">The kindness half.</param>
/// <remarks>
/// The week is the seven local days before the digest's date, so a digest sent on Sunday looks back on Sunday to
/// Saturday, and what is written on the digest's own day (a reply to it, that evening's prompt) counts next week.
/// </remarks>
public sealed record WeeklyDigest(bool FirstWeek, LocalDate Date, LocalDate WeekStart, LocalDate WeekEnd, GratitudeWeek Gratitude, KindnessWeek Kindness);

/// <summary>The gratitude half of a digest.</summary>
/// <param name="DaysJournaled">Days of the week with at least one item.</param>
/// <param name="PerfectDays">Days that count toward the 22: five or more items, at least one about a person.</param>
/// <param name="DaysWithPerson">Days with at least one item about a person.</param>
/// <param name="Items">Items written during the week.</param>
/// <param name="CurrentRun">Consecutive days with five items and a person, up to the digest (as the prompt counts them).</param>
/// <param name="MostSpecific">The week's most specific item, with its date; null when the week has none that is not vague.</param>
/// <param name="People">Who appeared most, with on how many days, most first (at most three).</param>
/// <param name="JoyInOthers">Items noticing someone else's joy (at most three).</param>
public sealed record GratitudeWeek(
    int DaysJournaled,
    int PerfectDays,
    int DaysWithPerson,
    int Items,
    int CurrentRun,
    DatedItem? MostSpecific,
    IReadOnlyList<PersonCount> People,
    IReadOnlyList<DatedItem> JoyInOthers);

/// <summary>The kindness half of a digest.</summary>
/// <param name="Goal">Acts a week the subscriber aims for.</param>
/// <param name="ThisWeek">Acts logged during the week, oldest first.</param>
/// <param name="Recent">The recent acts the variety is measured on (<see cref="Kindness.Variety.Recent"/>).</param>
/// <param name="Variety">The variety of <paramref name="Recent"/>.</param>
/// <param name="Suggestions">Three ideas for the week ahead.</param>
/// <param name="ForYouAlone">One older act to savour privately; null when there is none.</param>
/// <param name="Unclassified">Acts of the week whose category or recipient could not be told.</param>
/// <param name="WeeksGoalMet">Consistency: weeks in a row, ending with this one, in which the goal was met (0 when this week's was not, or the goal is 0).</param>
public sealed record KindnessWeek(
    int Goal,
    IReadOnlyList<LoggedAct> ThisWeek,
    IReadOnlyList<LoggedAct> Recent,
    VarietyReport Variety,
    IReadOnlyList<KindnessIdea> Suggestions,
    LoggedAct? ForYouAlone,
    IReadOnlyList<LoggedAct> Unclassified,
    int WeeksGoalMet);

/// <summary>A journal item with the date it is filed under.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Item">The item.</param>
public sealed record DatedItem(LocalDate Date, JournalItem Item);

/// <summary>Someone who appeared in the week's gratitudes.</summary>
/// <param name="Name">As the digest shows them: a name as written ("Sam"), or a relationship ("your mum").</param>
/// <param name="Days">On how many days of the week they appeared.</param>
public sealed record PersonCount(string Name, int Days);
