using System.Globalization;
using System.Text;
using Compersion.Core.Prompts;
using NodaTime.Text;

namespace Compersion.Core.Mail;

/// <summary>How dates, times and quoted user text read in mail (English, culture-invariant).</summary>
internal static class MailFormat
{
    /// <summary>Longest quoted user text, in characters, before it is shortened with an ellipsis.</summary>
    public const int MaxQuoteLength = 280;

    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("dddd, d MMMM", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern DayWithYearPattern = LocalDatePattern.Create("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern TwelveHourPattern = LocalTimePattern.CreateWithInvariantCulture("h:mm tt");

    /// <summary>"Wednesday, 25 November".</summary>
    public static string Day(LocalDate date) => DayPattern.Format(date);

    /// <summary>"Wednesday, 25 November", with the year added when it differs from <paramref name="relativeTo"/>'s.</summary>
    public static string Day(LocalDate date, LocalDate relativeTo) =>
        date.Year == relativeTo.Year ? DayPattern.Format(date) : DayWithYearPattern.Format(date);

    /// <summary>"20:00", or "8:00 pm" for a reader who uses the 12-hour clock (<see cref="Subscribers.Subscriber.TwelveHourClock"/>).</summary>
    public static string Time(LocalTime time, bool twelveHour = false) =>
        twelveHour ? TwelveHourPattern.Format(time).ToLowerInvariant() : TimePattern.Format(time);

    /// <summary>"20:00 Berlin time" (or "8:00 pm New York time"): the time and the zone as a reader says it.</summary>
    public static string Schedule(LocalTime time, string zone, bool twelveHour = false) => $"{Time(time, twelveHour)} {Zone(zone)}";

    /// <summary>A zone as a reader says it: "New York time" for <c>America/New_York</c>, "UTC" for <c>Etc/UTC</c>.</summary>
    /// <remarks>The IANA id's last part is its exemplar city (as CLDR's mostly are), underscores read as spaces.</remarks>
    public static string Zone(string zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT" or "Etc/Universal" or "Etc/Zulu")
        {
            return "UTC";
        }

        var city = zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return city.Length == 0 ? zone : city + " time";
    }

    /// <summary>The dated lead-in of a resurfaced memory.</summary>
    public static string MemoryLead(Memory memory, LocalDate promptDate)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var day = Day(memory.Date, promptDate);
        return memory.Kind switch
        {
            MemoryKind.YearAgo => $"A year ago today, on {day}, you wrote:",
            MemoryKind.MonthAgo => $"A month ago, on {day}, you wrote:",
            MemoryKind.WeekAgo => $"A week ago, on {day}, you wrote:",
            _ => $"On {day} you wrote:",
        };
    }

    /// <summary>User text on one line, whitespace collapsed, shortened past <see cref="MaxQuoteLength"/>, in curly quotes.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        var line = builder.ToString().TrimEnd();
        if (line.Length > MaxQuoteLength)
        {
            var cut = MaxQuoteLength;
            if (char.IsHighSurrogate(line[cut - 1]))
            {
                cut--;
            }

            line = line[..cut].TrimEnd() + "…";
        }

        return $"“{line}”";
    }
}
