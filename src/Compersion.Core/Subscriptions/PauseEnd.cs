using System.Globalization;
using NodaTime.Text;

namespace Compersion.Core.Subscriptions;

/// <summary>When a pause ends, as written: a date (<c>2026-12-28</c>), a length (<c>2 WEEKS</c>) or a weekday (<c>UNTIL MONDAY</c>).</summary>
/// <remarks>
/// Read without a clock (<see cref="TryParse"/>), so the command parser stays pure; <see cref="TryResolve"/> turns it into
/// the first local date mail comes again, from the subscriber's own today.
/// </remarks>
/// <param name="Date">A calendar date: mail comes again on it.</param>
/// <param name="Length">A length from today: mail comes again that many days, weeks or months later.</param>
/// <param name="Weekday">A weekday: mail comes again on the next one after today.</param>
public sealed record PauseEnd(LocalDate? Date = null, Period? Length = null, IsoDayOfWeek? Weekday = null)
{
    /// <summary>The longest pause accepted: a year. Longer than that, unsubscribing and coming back is kinder to everyone's inbox.</summary>
    public static readonly Period Longest = Period.FromYears(1);

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>Reads the words after <c>PAUSE</c>: <c>2026-12-28</c>, <c>2 weeks</c>, <c>10 days</c>, <c>a month</c>, <c>monday</c>, each optionally after <c>for</c>, <c>until</c> or <c>till</c>.</summary>
    /// <returns>False when the words are not an end of a pause.</returns>
    public static bool TryParse(IReadOnlyList<string> words, out PauseEnd? end)
    {
        ArgumentNullException.ThrowIfNull(words);
        end = null;
        var rest = words.Count > 0 && IsOneOf(words[0], "FOR", "UNTIL", "TILL", "TO") ? words.Skip(1).ToArray() : [.. words];
        if (rest.Length == 1)
        {
            var word = rest[0].TrimEnd('.', '!');
            if (IsoDate.Parse(word) is { Success: true } date)
            {
                end = new PauseEnd(Date: date.Value);
                return true;
            }

            if (!word.Any(char.IsAsciiDigit) && SignUpRequest.TryParseDay(word, out var day))
            {
                end = new PauseEnd(Weekday: day);
                return true;
            }

            return false;
        }

        if (rest.Length != 2)
        {
            return false;
        }

        var count = IsOneOf(rest[0], "A", "ONE", "AN") ? 1
            : int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 400 ? number
            : 0;
        var length = rest[1].TrimEnd('.', '!').ToUpperInvariant() switch
        {
            "DAY" or "DAYS" => Period.FromDays(count),
            "WEEK" or "WEEKS" => Period.FromWeeks(count),
            "MONTH" or "MONTHS" => Period.FromMonths(count),
            _ => null,
        };
        if (count == 0 || length is null)
        {
            return false;
        }

        end = new PauseEnd(Length: length);
        return true;
    }

    /// <summary>The first local date mail comes again, counted from the subscriber's <paramref name="today"/>.</summary>
    /// <param name="today">The subscriber's local date now.</param>
    /// <param name="until">The first date mail comes again: after today, at most <see cref="Longest"/> away.</param>
    /// <param name="error">What to write instead, as one kind sentence.</param>
    public bool TryResolve(LocalDate today, out LocalDate until, out string error)
    {
        until = Date ?? (Length is { } length ? today.Plus(length) : Weekday is { } day ? today.Next(day) : today);
        if (until <= today)
        {
            error = until == today
                ? "That's today, so there's nothing to pause. Write a later date, like PAUSE " + Example(today) + ", or just PAUSE for a break until you write RESUME."
                : "That date has already passed. Write a date still to come, like PAUSE " + Example(today) + ", or just PAUSE for a break until you write RESUME.";
            return false;
        }

        if (until > today.Plus(Longest))
        {
            error = "A pause can last up to a year. Write a date within the next year, like PAUSE " + Example(today) + ", or just PAUSE for a break until you write RESUME.";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>A date two weeks from today, as the examples in answers write it.</summary>
    public static string Example(LocalDate today) => IsoDate.Format(today.PlusWeeks(2));

    private static bool IsOneOf(string word, params string[] choices) =>
        choices.Any(choice => string.Equals(word, choice, StringComparison.OrdinalIgnoreCase));
}
