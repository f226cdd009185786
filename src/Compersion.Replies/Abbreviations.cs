using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>Knows when a period ends a sentence and when it ends an abbreviation.</summary>
internal static class Abbreviations
{
    // A period after these never ends a sentence: a name or an example always follows.
    private static readonly FrozenSet<string> NeverEnd = new[]
    {
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "mt", "jr", "sr", "rev", "fr", "capt", "lt",
        "sgt", "gen", "col", "e.g", "i.e", "eg", "ie", "cf", "vs", "approx", "ca", "dept", "fig",
        "vol", "incl", "esp", "ft", "hr", "hrs", "min", "mins", "sec", "secs", "wk", "wks",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A period after these ends a sentence only when a capital letter follows ("… etc. Then").
    private static readonly FrozenSet<string> EndBeforeCapital = new[]
    {
        "etc", "a.m", "p.m", "no", "inc", "ltd", "co", "approx",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest abbreviation looked at, so the look-back stays constant-time.</summary>
    public const int MaxLength = 8;

    /// <summary>Whether a period written right after <paramref name="word"/> ends the sentence.</summary>
    /// <param name="word">The word before the period, as written, without the period.</param>
    /// <param name="next">The first non-space character after the period, or <c>'\0'</c> at the end.</param>
    public static bool PeriodEndsSentence(ReadOnlySpan<char> word, char next)
    {
        if (word.Length == 0 || word.Length > MaxLength)
        {
            return true;
        }

        // An initial: "J. K. Rowling", "Dr. A. Patel".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return next == '\0';
        }

        var lower = word.ToString().ToLowerInvariant();
        if (NeverEnd.Contains(lower))
        {
            return next == '\0';
        }

        if (EndBeforeCapital.Contains(lower))
        {
            return next == '\0' || char.IsUpper(next);
        }

        return true;
    }
}
