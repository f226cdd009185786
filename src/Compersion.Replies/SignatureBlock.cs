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
    private const int MaxSignatureLines = 12;
    private const int MaxContactBlockLines = 8;
    private const int MaxSignatureLineLength = 90;
    private const int MinPhoneDigits = 7;

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
        "atenciosamente", "abraços", "beijinhos", "beijos", "obrigado", "obrigada", "cumprimentos",
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

    /// <summary>Drops the signature at the end of the kept lines, blank line above it or not.</summary>
    /// <remarks>
    /// In this order: a trailing "-Name"; a closing sign-off with what follows it (a name block of up to four
    /// lines, or up to twelve when one of them is contact details: a phone number, an address, a link); a block of
    /// contact details under a personal name with no sign-off ("Dan Okafor" / title / phone). Never the reply's
    /// first line. A bare name on the last line ("Daniel") stays in the visible text, as the writer signed it; it is
    /// not made an item (<see cref="ItemSplitter"/>).
    /// </remarks>
    public static void DropTrailing(string body, Span<VisibleLine> lines)
    {
        var first = NextKept(lines, -1);
        var last = PreviousKept(lines, lines.Length);
        if (first < 0 || last <= first)
        {
            return;
        }

        var above = Kept(body, lines[PreviousKept(lines, last)]).Trim();
        if ((IsDashName(Kept(body, lines[last])) || (IsSpacedDashName(Kept(body, lines[last])) && lines[last - 1].Kind == VisibleLineKind.Blank))
            && !above.StartsWith('-')
            && !above.EndsWith(':'))
        {
            DropFrom(lines, last);
            return;
        }

        if (!DropSignOff(body, lines, first, last))
        {
            DropContactBlock(body, lines, first, last);
        }
    }

    private static bool DropSignOff(string body, Span<VisibleLine> lines, int first, int last)
    {
        var below = 0;
        var contact = false;
        var allNames = true;
        for (var k = last; k > first; k = PreviousKept(lines, k))
        {
            var text = Kept(body, lines[k]);
            if (below > 0 && IsSignOff(text) && (IsMarkedSignOff(text) || lines[k + 1].Kind == VisibleLineKind.Blank))
            {
                if (!contact && (below > MaxNameLines || !allNames))
                {
                    return false;
                }

                DropFrom(lines, k);
                return true;
            }

            var isContact = IsContactLine(text);
            var isName = IsNameLike(text);
            contact |= isContact;
            allNames &= isName;
            if ((!isName && !isContact && !IsSignatureLine(text)) || ++below > MaxSignatureLines)
            {
                return false;
            }
        }

        return false;
    }

    // "Dan Okafor" / "Senior Product Manager | Acme Corp" / "+1 555 0100": a personal name over contact details, to the end.
    private static bool DropContactBlock(string body, Span<VisibleLine> lines, int first, int last)
    {
        var contact = false;
        var count = 0;
        for (var k = last; k > first && count < MaxContactBlockLines; k = PreviousKept(lines, k), count++)
        {
            var text = Kept(body, lines[k]);
            if (contact && IsPersonalName(text))
            {
                DropFrom(lines, k);
                return true;
            }

            if (IsContactLine(text))
            {
                contact = true;
            }
            else if (!IsSignatureLine(text))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A phone number, an email address or a web address, with an optional label ("Tel:", "M:").</summary>
    internal static bool IsContactLine(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length is 0 or > MaxSignatureLineLength)
        {
            return false;
        }

        if (text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return VisibleTextSpans.CountWords(text) <= 6;
        }

        var at = text.IndexOf('@');
        if (at > 0 && text[at..].Contains('.') && VisibleTextSpans.CountWords(text) <= 6)
        {
            return true;
        }

        int digits = 0, letters = 0;
        foreach (var c in text)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return digits >= MinPhoneDigits && letters <= 12;
    }

    // A short line of a signature: a title, a company, an address line; not a sentence.
    private static bool IsSignatureLine(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        return text.Length is > 0 and <= MaxSignatureLineLength && text[^1] is not ('.' or '!' or '?' or ':') &&
               VisibleTextSpans.CountWords(text) <= 10 && !VisibleTextSpans.StartsLikeListItem(text);
    }

    // "Dan Okafor", "Dr. Ana María López": two to four capitalised words opening with a known given name.
    private static bool IsPersonalName(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length is 0 or > MaxNameLength || VisibleTextSpans.StartsLikeListItem(text))
        {
            return false;
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 4 || !Array.TrueForAll(words, word => char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '.' or '-' or '\'')))
        {
            return false;
        }

        var start = words.Length > 1 && words[0].EndsWith('.') ? 1 : 0;
        return Lexicon.Shared.GivenNames.Contains(words[start], words[start].ToLowerInvariant());
    }

    /// <summary>"Daniel", "Ana M.", "Michael Scott": a personal name alone on a line, opening with a known given name.</summary>
    internal static bool IsBareGivenName(ReadOnlySpan<char> line)
    {
        var text = line.Trim().TrimEnd('.');
        var words = VisibleTextSpans.CountWords(text);
        return words is 1 or 2 && text.Length <= 30 && IsPersonalName(text);
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
    /// <summary>"-Roman": a dash straight before a short name.</summary>
    internal static bool IsDashName(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        return text.Length is >= 2 and <= 30 && text[0] == '-' && char.IsLetter(text[1]) && VisibleTextSpans.CountWords(text) <= 3;
    }

    /// <summary>"- roman": a dash, a space and one word of letters, the way "-Roman" is written with a space.</summary>
    /// <remarks>
    /// Only below a blank line, under no other dashed line and not under a line ending in a colon, so a one-bullet
    /// list ("Today:\n- Mum", "Grateful for:\n\n- Mum") keeps its item.
    /// </remarks>
    private static bool IsSpacedDashName(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.Length is < 3 or > 30 || text[0] != '-' || text[1] != ' ')
        {
            return false;
        }

        foreach (var c in text[2..].TrimStart())
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
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
