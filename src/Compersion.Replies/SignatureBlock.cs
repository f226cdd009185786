using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>Recognises a signature: a <c>-- </c> delimiter and what follows, a closing "Regards,\nName", or a trailing "-Name".</summary>
/// <remarks>
/// A signature never starts on the reply's first line (a reply that is only "--\nRoman" keeps it),
/// and a sign-off is only removed when a short name block follows it to the end: "Thanks!" alone,
/// or "Regards, Roman" on one line, stays. A bare one-word sign-off ("Love" above "Sam") needs a
/// blank line after it, because one-item-per-line gratitude lists look the same.
/// </remarks>
internal static class SignatureBlock
{
    private const int MaxLinesAfterDelimiter = 12;
    private const int MaxLinesAfterLooseDelimiter = 6;
    private const int MaxLooseLineLength = 60;
    private const int MaxNameLines = 4;
    private const int MaxNameLength = 50;
    private const int MaxNameWords = 6;
    private const int MaxSignOffLength = 32;

    private static readonly FrozenSet<string> SignOffs = new[]
    {
        "regards", "best regards", "kind regards", "warm regards", "warmest regards", "kindest regards", "many regards", "with regards",
        "with kind regards", "with best regards", "best", "all the best", "best wishes", "warm wishes", "cheers", "many thanks", "thanks",
        "thank you", "thanks again", "thanks so much", "thank you so much", "thx", "sincerely", "yours sincerely", "sincerely yours",
        "yours truly", "yours", "cordially", "respectfully", "love", "lots of love", "much love", "all my love", "with love", "hugs",
        "xoxo", "take care", "talk soon", "br", "rgds", "brgds",
        "mit freundlichen grüßen", "mit freundlichen grüssen", "freundliche grüße", "viele grüße", "liebe grüße", "beste grüße",
        "herzliche grüße", "grüße", "gruß", "lg", "vg", "mfg", "danke", "vielen dank",
        "cordialement", "bien cordialement", "bien à vous", "amitiés", "bises", "bisous", "merci", "merci beaucoup", "salutations",
        "saludos", "un saludo", "atentamente", "gracias", "muchas gracias", "un abrazo", "abrazos",
        "cordiali saluti", "saluti", "distinti saluti", "grazie", "un saluto", "un abbraccio",
        "atenciosamente", "abraços", "obrigado", "obrigada", "cumprimentos",
        "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet", "groeten", "groetjes", "hartelijke groet", "mvg", "bedankt",
        "hälsningar", "med vänlig hälsning", "vänliga hälsningar", "mvh", "med venlig hilsen", "venlig hilsen", "hilsen",
        "med vennlig hilsen", "vennlig hilsen", "ystävällisin terveisin", "terveisin", "kiitos", "pozdrawiam", "z poważaniem", "dziękuję",
        "с уважением", "спасибо", "всего доброго", "з повагою", "дякую",
        "よろしくお願いします", "よろしくお願いいたします", "谢谢", "此致", "祝好",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SignOffLookup = SignOffs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a signature delimiter on line <paramref name="index"/> starts a signature that runs to the end.</summary>
    /// <remarks>
    /// "--" (RFC 3676's "-- ") may be followed by up to a dozen lines; the looser "---" and em-dash
    /// rules only by a few short ones, since writers also use them as dividers.
    /// </remarks>
    public static bool StartsAt(string body, ReadOnlySpan<VisibleLine> lines, int index)
    {
        var text = lines[index].Text(body).Trim();
        var strict = text is "--";
        if (!strict && !IsLooseDelimiter(text))
        {
            return false;
        }

        var count = 0;
        for (var k = index + 1; k < lines.Length; k++)
        {
            var line = lines[k];
            if (line.Kind == VisibleLineKind.Blank)
            {
                continue;
            }

            if (line.Kind == VisibleLineKind.Quote || line.AttributionEnd >= 0 || QuoteSeparator.IsSeparator(line.Text(body)))
            {
                break;
            }

            // Numbered or bulleted lines under a rule are more of the list, not a signature.
            count++;
            if (VisibleTextSpans.StartsLikeListItem(line.Text(body))
                || (strict ? count > MaxLinesAfterDelimiter : count > MaxLinesAfterLooseDelimiter || line.Text(body).Trim().Length > MaxLooseLineLength))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Drops a closing sign-off with its name block, and a trailing "-Name", from the kept lines.</summary>
    public static void DropTrailing(string body, Span<VisibleLine> lines)
    {
        var first = NextKept(lines, -1);
        var last = PreviousKept(lines, lines.Length);
        if (first < 0 || last <= first)
        {
            return;
        }

        if (IsDashName(Kept(body, lines[last])) && !Kept(body, lines[PreviousKept(lines, last)]).TrimStart().StartsWith('-'))
        {
            DropFrom(lines, last);
            last = PreviousKept(lines, last);
        }

        var names = 0;
        for (var k = last; k > first; k = PreviousKept(lines, k))
        {
            var text = Kept(body, lines[k]);
            if (names > 0 && IsSignOff(text) && (IsMarkedSignOff(text) || lines[k + 1].Kind == VisibleLineKind.Blank))
            {
                DropFrom(lines, k);
                return;
            }

            if (!IsNameLike(text) || ++names > MaxNameLines)
            {
                return;
            }
        }
    }

    /// <summary>Whether the line is only a sign-off ("Regards,", "Thanks!", "Cheers 🎉", "Mit freundlichen Grüßen").</summary>
    public static bool IsSignOff(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        var end = text.Length;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        text = text[..end];
        return text.Length is > 0 and <= MaxSignOffLength && SignOffLookup.Contains(text);
    }

    /// <summary>
    /// Whether a sign-off cannot be mistaken for a one-word item of a gratitude list ("Love" above
    /// "Sunshine"): it is punctuated ("Thanks!", "Best,") or several words ("Kind regards").
    /// </summary>
    private static bool IsMarkedSignOff(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        return !char.IsLetter(text[^1]) || VisibleTextSpans.CountWords(text) > 1;
    }

    private static bool IsLooseDelimiter(ReadOnlySpan<char> text) =>
        text is "---" || (text.Length is > 0 and <= 10 && !text.ContainsAnyExcept('—', '–'));

    /// <summary>"-Abhishek Kona", "-Lev.": a dash directly against a short name.</summary>
    private static bool IsDashName(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        return text.Length is >= 2 and <= 30 && text[0] == '-' && char.IsLetter(text[1]) && VisibleTextSpans.CountWords(text) <= 3;
    }

    private static bool IsNameLike(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length is 0 or > MaxNameLength || text[^1] is '?' or ':' || text[0] == '>')
        {
            return false;
        }

        var words = VisibleTextSpans.CountWords(text);
        return words <= MaxNameWords && !(words >= 4 && text[^1] == '.') && !VisibleTextSpans.StartsLikeListItem(text);
    }

    private static ReadOnlySpan<char> Kept(string body, VisibleLine line) => body.AsSpan(line.Start, line.KeepLength);

    private static void DropFrom(Span<VisibleLine> lines, int index)
    {
        for (var k = index; k < lines.Length; k++)
        {
            lines[k].Dropped = true;
        }
    }

    private static int NextKept(ReadOnlySpan<VisibleLine> lines, int index)
    {
        for (var k = index + 1; k < lines.Length; k++)
        {
            if (!lines[k].Dropped && lines[k].Kind != VisibleLineKind.Blank)
            {
                return k;
            }
        }

        return -1;
    }

    private static int PreviousKept(ReadOnlySpan<VisibleLine> lines, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (!lines[k].Dropped && lines[k].Kind != VisibleLineKind.Blank)
            {
                return k;
            }
        }

        return -1;
    }
}
