namespace Compersion.Core.Journal;

/// <summary>Who appears in the journal over the last twelve months: most first, month by month, with the joy noticed in them.</summary>
/// <param name="Summary">The page in words.</param>
/// <param name="MonthNames">The twelve months, oldest first ("Jan 2026").</param>
/// <param name="People">The people, most days first (at most <see cref="JournalViews.MaxPeople"/>).</param>
/// <param name="Joy">Every joy noticed in others in the twelve months, newest first, a few.</param>
public sealed record PeopleView(string Summary, IReadOnlyList<string> MonthNames, IReadOnlyList<PersonRow> People, IReadOnlyList<DatedText> Joy);
