using System.Globalization;
using System.Text;
using Compersion.Core.Kindness;
using Compersion.Core.Photos;
using Compersion.Replies;

namespace Compersion.Core.Journal;

/// <summary>Builds the journal pages' views from a <see cref="JournalBook"/>: pure, so every page is a function of the book and today.</summary>
/// <remarks>"Today" is the subscriber's local date; nothing here reads a clock.</remarks>
public static class JournalViews
{
    /// <summary>The most days a search lists (newest first); the summary still counts them all.</summary>
    public const int MaxSearchDays = 200;

    /// <summary>The most people the people page lists.</summary>
    public const int MaxPeople = 12;

    /// <summary>Weeks the kindness page looks back over.</summary>
    public const int KindnessWeeks = 12;

    /// <summary>The longest search accepted, in characters.</summary>
    public const int MaxQueryLength = 100;

    private const int MaxJoy = 3;

    /// <summary>A short fingerprint of an item's text (16 hex digits), carried by the day page's forms so a correction never lands on a changed item.</summary>
    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    /// <summary>Reads a date as the pages' links carry it (<c>2026-03-05</c>).</summary>
    public static bool TryParseDate(string? text, out LocalDate date) => JournalDates.TryParseIso(text, out date);

    /// <summary>The calendar of <paramref name="year"/>, marked, with the run toward 22 as of <paramref name="today"/>.</summary>
    /// <param name="book">The journal.</param>
    /// <param name="year">The year shown.</param>
    /// <param name="today">The subscriber's today.</param>
    /// <param name="photos">The photos kept (those of other years are ignored); a day with photos alone links to its page and is counted as written.</param>
    /// <remarks>Drawn from the book's <see cref="JournalBook.Marks"/> alone, so it needs no text but "on this day"'s.</remarks>
    public static CalendarView Calendar(JournalBook book, int year, LocalDate today, IEnumerable<StoredPhoto>? photos = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        var progress = AdherenceProgress.FromMarks(today, book.Marks);
        var photosOn = (photos ?? []).Where(photo => photo.Date.Year == year).GroupBy(photo => photo.Date).ToDictionary(group => group.Key, group => group.Count());
        var months = new List<CalendarMonth>(12);
        for (var month = 1; month <= 12; month++)
        {
            var first = new LocalDate(year, month, 1);
            var length = CalendarSystem.Iso.GetDaysInMonth(year, month);
            var cells = new List<CalendarCell>();
            cells.AddRange(Enumerable.Repeat(Blank, (int)first.DayOfWeek - 1));
            var written = 0;
            for (var day = 1; day <= length; day++)
            {
                var date = new LocalDate(year, month, day);
                var found = book.MarkOf(date);
                var pictures = photosOn.GetValueOrDefault(date);
                written += found is null && pictures == 0 ? 0 : 1;
                cells.Add(new CalendarCell(
                    day,
                    JournalDates.Iso(date),
                    CellLabel(date, found, pictures, progress.InRun(date)),
                    found is not null || pictures > 0,
                    found?.IsFive == true,
                    found?.HasPerson == true,
                    found?.HasAct == true,
                    pictures > 0,
                    progress.InRun(date),
                    date == today));
            }

            cells.AddRange(Enumerable.Repeat(Blank, (7 - (cells.Count % 7)) % 7));
            months.Add(new CalendarMonth(
                first.ToString("MMMM", CultureInfo.InvariantCulture),
                [.. cells.Chunk(7).Select(week => new CalendarWeek(week))],
                written));
        }

        var inYear = book.Marks.Where(day => day.Date.Year == year).ToList();
        var daysWritten = inYear.Select(day => day.Date).Union(photosOn.Keys).Count();
        var summary = daysWritten == 0
            ? (year == today.Year ? "Nothing written yet this year. Today is a fine day to begin." : "Nothing written in this year.")
            : string.Join(", ", [
                JournalDates.Count(daysWritten, "day written", "days written"),
                $"{inYear.Count(day => day.IsFive)} with five",
                $"{inYear.Count(day => day.HasPerson)} with a person",
                JournalDates.Count(inYear.Sum(day => day.Acts), "kind act", "kind acts"),
            ]) + (photosOn.Count == 0 ? "." : ", " + JournalDates.Count(photosOn.Values.Sum(), "photo", "photos") + ".");
        return new CalendarView(
            year,
            book.Marks.Any(day => day.Date.Year < year) ? year - 1 : 0,
            year < today.Year ? year + 1 : 0,
            progress.CurrentRun,
            progress.Line,
            summary,
            months);
    }

    /// <summary>The page of one day (a kind, empty page when nothing was written).</summary>
    public static DayView Day(JournalBook book, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(book);
        var found = book.Find(date);
        var previous = book.Marks.LastOrDefault(day => day.Date < date);
        var next = book.Marks.FirstOrDefault(day => day.Date > date);
        return new DayView(
            JournalDates.Iso(date),
            JournalDates.Long(date),
            found is null ? "Nothing was written on this day, and that's all right." : DaySummary(found),
            found is null ? [] : [.. found.Items.Select((item, index) => new DayItemView(index + 1, item.Text, item.Social, item.Vague, item.Compersion, Fingerprint(item.Text)))],
            found is null ? [] : [.. found.Acts.Select((act, index) => new DayActView(index + 1, act.Text, KindnessNames.Name(act.Category), KindnessNames.Name(act.Recipient), act.Chosen, Fingerprint(act.Text)))],
            previous is null ? string.Empty : JournalDates.Iso(previous.Date),
            next is null ? string.Empty : JournalDates.Iso(next.Date));
    }

    /// <summary>Every gratitude and act whose words hold all of the query's words, newest day first.</summary>
    /// <remarks>
    /// Words match whole (case and accents aside) or with a plural or verb ending (<c>walk</c> finds "walks", "walked",
    /// "walking"), so a name finds that name and not every word it begins ("Sam" does not find "same").
    /// </remarks>
    public static SearchView Search(JournalBook book, string? query)
    {
        ArgumentNullException.ThrowIfNull(book);
        var typed = (query ?? string.Empty).Trim();
        if (typed.Length > MaxQueryLength)
        {
            typed = typed[..MaxQueryLength];
        }

        var words = Words(typed).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return new SearchView(typed, "Type a word or a name to find every day it appears in.", []);
        }

        var days = new List<SearchDay>();
        var matches = 0;
        var matchedDays = 0;
        for (var i = book.Days.Count - 1; i >= 0; i--)
        {
            var day = book.Days[i];
            var hits = day.Items.Where(item => Matches(item.Text, words)).Select(item => new SearchHit("gratitude", item.Text))
                .Concat(day.Acts.Where(act => Matches(act.Text, words)).Select(act => new SearchHit("kind act", act.Text)))
                .ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            matches += hits.Count;
            matchedDays++;
            if (days.Count < MaxSearchDays)
            {
                days.Add(new SearchDay(JournalDates.Iso(day.Date), JournalDates.Long(day.Date), hits));
            }
        }

        var summary = matches == 0
            ? $"Nothing found for “{typed}”. Try another spelling, or fewer words."
            : $"“{typed}”: {JournalDates.Count(matches, "match", "matches")} on {JournalDates.Count(matchedDays, "day", "days")}" +
              (matchedDays > MaxSearchDays ? $", the newest {MaxSearchDays} shown." : ".");
        return new SearchView(typed, summary, days);
    }

    /// <summary>Who appears over the twelve months ending with <paramref name="today"/>'s month, month by month, and the joy noticed in them.</summary>
    public static PeopleView People(JournalBook book, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(book);
        var firstMonth = PeopleSpan(today).From;
        var monthNames = Enumerable.Range(0, 12).Select(offset => JournalDates.Month(firstMonth.PlusMonths(offset))).ToList();
        var seen = new Dictionary<string, (string Name, HashSet<LocalDate> Days, int[] Months, List<DatedText> Joy, int First)>(StringComparer.OrdinalIgnoreCase);
        var joy = new List<DatedText>();
        foreach (var day in book.Days.Where(day => day.Date >= firstMonth && day.Date <= today).Reverse())
        {
            var month = ((day.Date.Year - firstMonth.Year) * 12) + day.Date.Month - firstMonth.Month;
            foreach (var item in day.Items)
            {
                var dated = new DatedText(JournalDates.Iso(day.Date), JournalDates.Short(day.Date) + " " + day.Date.Year.ToString(CultureInfo.InvariantCulture), item.Text);
                if (item.Compersion && joy.Count < MaxJoy * 4)
                {
                    joy.Add(dated);
                }

                if (!item.Social)
                {
                    continue;
                }

                foreach (var name in ItemPeople.Find(item.Text).Mentions())
                {
                    if (!seen.TryGetValue(name, out var person))
                    {
                        person = (name, [], new int[12], [], seen.Count);
                        seen.Add(name, person);
                    }

                    if (person.Days.Add(day.Date))
                    {
                        person.Months[month]++;
                    }

                    if (item.Compersion && person.Joy.Count < MaxJoy && !person.Joy.Contains(dated))
                    {
                        person.Joy.Add(dated);
                    }
                }
            }
        }

        var people = seen.Values
            .OrderByDescending(person => person.Days.Count)
            .ThenBy(person => person.First)
            .Take(MaxPeople)
            .Select(person => new PersonRow(person.Name, person.Days.Count, person.Months, person.Joy))
            .ToList();
        var summary = people.Count == 0
            ? "No one has appeared in your journal in the last twelve months yet. When you mention someone, they'll show up here."
            : $"{JournalDates.Count(seen.Count, "person", "people")} appeared in your journal in the last twelve months. The people you notice, noticed.";
        return new PeopleView(summary, monthNames, people, joy);
    }

    /// <summary>The twelve weeks (Monday to Sunday) ending with the week of <paramref name="today"/>: the grid and the weekly goal.</summary>
    public static KindnessView Kindness(JournalBook book, LocalDate today, int goal)
    {
        ArgumentNullException.ThrowIfNull(book);
        var thisMonday = today.PlusDays(1 - (int)today.DayOfWeek);
        var start = KindnessSpan(today).From;
        var acts = book.Days.Where(day => day.Date >= start && day.Date <= today).SelectMany(day => day.Acts).ToList();
        var categories = KindnessNames.Categories;
        var rows = KindnessNames.Recipients
            .Select(recipient => (recipient, cells: categories.Select(category => acts.Count(act => act.Recipient == recipient && act.Category == category)).ToList()))
            .Where(row => row.cells.Sum() > 0)
            .Select(row => new GridRow(KindnessNames.Name(row.recipient), row.cells, row.cells.Sum()))
            .ToList();
        var weeks = Enumerable.Range(0, KindnessWeeks)
            .Select(back => thisMonday.PlusWeeks(-back))
            .Select(monday =>
            {
                var count = acts.Count(act => act.Date >= monday && act.Date <= monday.PlusDays(6));
                return new WeekRow($"{JournalDates.Short(monday)} – {JournalDates.Short(monday.PlusDays(6))}", count, count >= goal, monday == thisMonday);
            })
            .ToList();
        var met = weeks.Count(week => week.Met && !week.Current);
        var summary = acts.Count == 0
            ? "No kind acts logged in the last twelve weeks. Start a line with “kindness:” in any reply to log one — one a week is plenty."
            : $"{JournalDates.Count(acts.Count, "kind act", "kind acts")} in twelve weeks, {rows.Sum(row => row.Cells.Count(cell => cell > 0))} different kinds of act and person. " +
              $"Your goal of {goal} a week was met in {met} of the {KindnessWeeks - 1} finished weeks. Every one counts.";
        return new KindnessView(
            goal,
            summary,
            [.. categories.Select(KindnessNames.Name)],
            rows,
            acts.Count(act => !act.IsClassified),
            weeks);
    }

    /// <summary>What was written a week, a month and a year before <paramref name="today"/>.</summary>
    public static IReadOnlyList<LookBack> OnThisDay(JournalBook book, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(book);
        var dates = LookBackDates(today);
        return [Look(book, "A week ago", dates[0]), Look(book, "A month ago", dates[1]), Look(book, "A year ago", dates[2])];
    }

    /// <summary>The dates "on this day" looks back to: a week, a month and a year before <paramref name="today"/>.</summary>
    public static IReadOnlyList<LocalDate> LookBackDates(LocalDate today) => [today.PlusWeeks(-1), today.PlusMonths(-1), today.PlusYears(-1)];

    /// <summary>The dates the people page covers: the twelve months ending with <paramref name="today"/>'s month, up to today.</summary>
    public static JournalSpan PeopleSpan(LocalDate today) => new(new LocalDate(today.Year, today.Month, 1).PlusMonths(-11), today);

    /// <summary>The dates the kindness page covers: the twelve weeks (Monday to Sunday) ending with <paramref name="today"/>'s week, up to today.</summary>
    public static JournalSpan KindnessSpan(LocalDate today) => new(today.PlusDays(1 - (int)today.DayOfWeek).PlusWeeks(1 - KindnessWeeks), today);

    private static readonly CalendarCell Blank = new(0, string.Empty, string.Empty, false, false, false, false, false, false, false);

    private static LookBack Look(JournalBook book, string label, LocalDate date)
    {
        var found = book.Find(date);
        return new LookBack(
            label,
            JournalDates.Iso(date),
            JournalDates.Long(date),
            found is null ? [] : [.. found.Items.Select(item => item.Text)],
            found is null ? [] : [.. found.Acts.Select(act => act.Text)],
            found is not null);
    }

    private static string CellLabel(LocalDate date, DayMark? day, int photos, bool inRun)
    {
        var name = date.ToString("d MMMM", CultureInfo.InvariantCulture);
        var pictures = photos > 0 ? JournalDates.Count(photos, "photo", "photos") : null;
        if (day is null)
        {
            return name + ": " + (pictures ?? "nothing written");
        }

        var parts = new List<string>();
        if (day.Items > 0)
        {
            parts.Add(JournalDates.Count(day.Items, "gratitude", "gratitudes"));
        }

        if (day.HasPerson)
        {
            parts.Add("with a person");
        }

        if (day.HasAct)
        {
            parts.Add(JournalDates.Count(day.Acts, "kind act", "kind acts"));
        }

        if (pictures is not null)
        {
            parts.Add(pictures);
        }

        if (inRun)
        {
            parts.Add("in your run toward 22");
        }

        return name + ": " + string.Join(", ", parts);
    }

    private static string DaySummary(BookDay day)
    {
        var parts = new List<string> { JournalDates.Count(day.Items.Count, "gratitude", "gratitudes") };
        if (day.HasPerson)
        {
            parts.Add(JournalDates.Count(day.Items.Count(item => item.Social), "with a person", "with a person"));
        }

        if (day.HasAct)
        {
            parts.Add(JournalDates.Count(day.Acts.Count, "secret kind act", "secret kind acts"));
        }

        return string.Join(", ", parts) + (day.IsFive ? ". A day with five." : ".");
    }

    private static bool Matches(string text, List<string> words)
    {
        // Most journal text is ASCII, where folding only lower-cases: a query word that is not in the text as it stands
        // begins none of its words, so the text need not be folded at all (a search reads every item of every year).
        if (System.Text.Ascii.IsValid(text) && !words.TrueForAll(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var found = Words(text);
        return words.TrueForAll(word => Array.Exists(found, candidate => SameWord(candidate, word)));
    }

    private static bool SameWord(string candidate, string word) =>
        candidate.StartsWith(word, StringComparison.Ordinal) &&
        (candidate.Length == word.Length || candidate.AsSpan(word.Length) is "s" or "es" or "ed" or "d" or "ing" or "er" or "ers");

    // Lower-case words without accents: "Zoë's" gives "zoe" and "s".
    private static string[] Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
