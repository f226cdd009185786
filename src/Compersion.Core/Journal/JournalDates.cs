using System.Globalization;
using NodaTime.Text;

namespace Compersion.Core.Journal;

/// <summary>How the journal pages write dates (English, invariant: the pages are in English).</summary>
internal static class JournalDates
{
    private static readonly LocalDatePattern LongPattern = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern ShortPattern = LocalDatePattern.Create("d MMM", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern MonthPattern = LocalDatePattern.Create("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Thursday 5 March 2026".</summary>
    public static string Long(LocalDate date) => LongPattern.Format(date);

    /// <summary>"5 Mar".</summary>
    public static string Short(LocalDate date) => ShortPattern.Format(date);

    /// <summary>"Mar 2026".</summary>
    public static string Month(LocalDate date) => MonthPattern.Format(date);

    /// <summary>"2026-03-05", as links carry it.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Reads a date as links carry it.</summary>
    public static bool TryParseIso(string? text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>"1 day", "3 days".</summary>
    public static string Count(int count, string one, string many) =>
        count == 1 ? "1 " + one : string.Create(CultureInfo.InvariantCulture, $"{count} {many}");
}
