namespace Compersion.Core.Journal;

/// <summary>A run of local dates, both ends included: the part of a journal a page reads.</summary>
/// <param name="From">The first date.</param>
/// <param name="To">The last date (not before <paramref name="From"/>).</param>
public sealed record JournalSpan(LocalDate From, LocalDate To)
{
    /// <summary>Every date a journal row can be filed under.</summary>
    public static JournalSpan All { get; } = new(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31));

    /// <summary>One date.</summary>
    public static JournalSpan Day(LocalDate date) => new(date, date);

    /// <summary>One calendar year, 1 January to 31 December.</summary>
    public static JournalSpan Year(int year) => new(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));

    /// <summary>Whether <paramref name="date"/> falls within the span.</summary>
    public bool Contains(LocalDate date) => date >= From && date <= To;

    /// <summary>The spans sorted, with overlapping or touching ones joined (fewer ranges for storage to test).</summary>
    public static IReadOnlyList<JournalSpan> Join(IEnumerable<JournalSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var joined = new List<JournalSpan>();
        foreach (var span in spans.Where(span => span.From <= span.To).OrderBy(span => span.From))
        {
            if (joined.Count > 0 && span.From <= joined[^1].To.PlusDays(1))
            {
                var last = joined[^1];
                joined[^1] = last with { To = span.To > last.To ? span.To : last.To };
            }
            else
            {
                joined.Add(span);
            }
        }

        return joined;
    }
}
