namespace Compersion.Core.Journal;

/// <summary>What a journal page reads: the dates whose text it shows, and whether it needs the marks of every day.</summary>
/// <param name="Spans">The dates read with their text; null reads every date, empty none.</param>
/// <param name="Marks">Whether the counts of every day are read too (<see cref="IJournalReader.ReadMarksAsync"/>).</param>
/// <remarks>Each page's needs follow from what <see cref="JournalViews"/> shows of the book, and from the subscriber's today.</remarks>
public sealed record JournalNeeds(IReadOnlyList<JournalSpan>? Spans, bool Marks)
{
    /// <summary>The days a day page reads around its date: most journals have a written day within them on either side.</summary>
    public const int DayWindow = 31;

    /// <summary>A date whose nearest written days either side must be found: beyond <see cref="Spans"/>, from the marks of the dates outside them, when the spans hold none.</summary>
    public LocalDate? NeighboursOf { get; init; }

    /// <summary>Every date's text (search must look through every year).</summary>
    public static JournalNeeds Everything { get; } = new(null, false);

    /// <summary>The profile alone (a correction's form, which reads its own day when it writes).</summary>
    public static JournalNeeds Nothing { get; } = new([], false);

    /// <summary>The year calendar: every day's marks (the squares, the summary, the run toward 22 and whether earlier years hold anything), and the text of "on this day".</summary>
    public static JournalNeeds Calendar(LocalDate today) => new([.. JournalViews.LookBackDates(today).Select(JournalSpan.Day)], true);

    /// <summary>A day's page: the dates <see cref="DayWindow"/> days either side of it, and, when no day there is written on one side, the marks of that side (its written neighbours may be years away).</summary>
    public static JournalNeeds Day(LocalDate date) => new([new JournalSpan(date.PlusDays(-DayWindow), date.PlusDays(DayWindow))], false) { NeighboursOf = date };

    /// <summary>The people page: the twelve months it shows.</summary>
    public static JournalNeeds People(LocalDate today) => new([JournalViews.PeopleSpan(today)], false);

    /// <summary>The kindness page: the twelve weeks it shows.</summary>
    public static JournalNeeds Kindness(LocalDate today) => new([JournalViews.KindnessSpan(today)], false);

    /// <summary>The needs of several possible todays together (a subscriber's today is known only once their profile is read).</summary>
    public static JournalNeeds Union(IEnumerable<JournalNeeds> needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var all = needs.ToList();
        return new JournalNeeds(
            all.Any(need => need.Spans is null) ? null : JournalSpan.Join(all.SelectMany(need => need.Spans!)),
            all.Any(need => need.Marks))
        {
            NeighboursOf = all.Select(need => need.NeighboursOf).FirstOrDefault(date => date is not null),
        };
    }
}
