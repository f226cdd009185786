using System.Globalization;
using System.Text;
using System.Text.Json;
using Compersion.Replies;
using NodaTime.Text;

namespace Compersion.Core.Import;

/// <summary>Reads Dabble.me exports (TXT and JSON) and OhLife-style dated text into days, or says clearly what is wrong.</summary>
/// <remarks>
/// <para>The whole file is read and checked before anything is kept: any problem fails the file, naming the line (or the
/// JSON entry) to look at, so an import never stops half-way.</para>
/// <para>Detection: a file whose first character (after whitespace and a byte-order mark) is <c>[</c> is Dabble.me JSON;
/// a text file whose first line is <c>## yyyy-MM-dd</c> is Dabble.me text (then only such lines start days, so a date
/// written inside an entry stays text); a first line that is just a date is OhLife-style, where every date-only line
/// starts a day.</para>
/// </remarks>
public static class JournalFileParser
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The most days one file may hold.</summary>
    public const int MaxDays = 10_000;

    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    /// <summary>The earliest journal date accepted, by an import and by the entries API alike.</summary>
    internal static readonly LocalDate Earliest = new(1900, 1, 1);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a file.</summary>
    /// <param name="content">The file's bytes (UTF-8).</param>
    /// <param name="latest">The latest date an entry may have (the subscriber's tomorrow); later ones are refused.</param>
    /// <param name="days">The days read, in file order; empty on failure.</param>
    /// <param name="format">The format detected.</param>
    /// <param name="error">On failure, one sentence saying what is wrong and where.</param>
    public static bool TryParse(byte[] content, LocalDate latest, out IReadOnlyList<ImportedDay> days, out ImportFormat format, out string error)
    {
        ArgumentNullException.ThrowIfNull(content);
        days = [];
        format = ImportFormat.DatedText;
        if (content.Length == 0)
        {
            error = "That file is empty.";
            return false;
        }

        if (content.Length > MaxBytes)
        {
            error = $"That file is larger than {MaxBytes / (1024 * 1024)} MB. Export a year at a time and import each file.";
            return false;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            error = "That file isn't UTF-8 text. Export it again from Dabble.me or OhLife as TXT or JSON and import that file.";
            return false;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            error = "That file isn't a text file. Export it again as TXT or JSON and import that file.";
            return false;
        }

        var trimmed = text.TrimStart();
        List<ImportedDay>? read;
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            format = ImportFormat.DabbleJson;
            read = ReadJson(text, out error);
        }
        else
        {
            read = ReadText(text, out format, out error);
        }

        if (read is null)
        {
            return false;
        }

        foreach (var day in read)
        {
            if (day.Date < Earliest || day.Date > latest)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{Where(format, day.Line)}: {Iso.Format(day.Date)} is {(day.Date > latest ? "in the future" : "before 1900")}. Please check the date.");
                return false;
            }
        }

        if (read.Count > MaxDays)
        {
            error = $"That file has more than {MaxDays:N0} days. Export a few years at a time and import each file.";
            return false;
        }

        if (read.TrueForAll(day => string.IsNullOrWhiteSpace(day.Text)))
        {
            error = "That file has dates but no writing under them, so there is nothing to import.";
            return false;
        }

        days = read;
        error = string.Empty;
        return true;
    }

    private static string Where(ImportFormat format, int line) =>
        format == ImportFormat.DabbleJson
            ? string.Create(CultureInfo.InvariantCulture, $"Entry {line} of the JSON file")
            : string.Create(CultureInfo.InvariantCulture, $"Line {line}");

    private static List<ImportedDay>? ReadJson(string text, out string error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"That JSON file doesn't parse (near line {(exception.LineNumber ?? 0) + 1}). Export it again from Dabble.me and import the new file.");
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "That JSON file isn't a Dabble.me export: it should be a list of entries like [{\"date\": \"2024-05-21\", \"body\": \"…\"}].";
                return null;
            }

            var days = new List<ImportedDay>();
            var position = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                position++;
                if (element.ValueKind != JsonValueKind.Object ||
                    !element.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"Entry {position} of the JSON file has no \"date\". Each entry needs a date like \"2024-05-21\" and a \"body\".");
                    return null;
                }

                var parsed = Iso.Parse(date.GetString()!.Trim());
                if (!parsed.Success)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"Entry {position} of the JSON file has the date \"{Shorten(date.GetString()!)}\", which isn't a real date written as yyyy-MM-dd.");
                    return null;
                }

                if (!element.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"Entry {position} of the JSON file ({Iso.Format(parsed.Value)}) has no \"body\" text.");
                    return null;
                }

                var html = body.GetString()!;
                days.Add(new ImportedDay(parsed.Value, html.Contains('<', StringComparison.Ordinal) ? HtmlToText.Convert(html) : html, position));
            }

            error = string.Empty;
            return days;
        }
    }

    private static List<ImportedDay>? ReadText(string text, out ImportFormat format, out string error)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var first = Array.FindIndex(lines, line => line.Trim().Length > 0);
        format = ImportFormat.DatedText;
        if (first < 0)
        {
            error = "That file is empty.";
            return null;
        }

        if (IsHashHeading(lines[first], out _))
        {
            format = ImportFormat.DabbleText;
        }
        else if (!LooksLikeDate(lines[first].Trim()))
        {
            error = "The file should start with a date heading: \"## 2024-05-21\" (a Dabble.me text export) or a line with just \"2024-05-21\" (OhLife). Line "
                + (first + 1).ToString(CultureInfo.InvariantCulture) + " is neither.";
            return null;
        }

        var days = new List<ImportedDay>();
        LocalDate? date = null;
        var heading = 0;
        var body = new StringBuilder();
        for (var index = first; index < lines.Length; index++)
        {
            var line = lines[index];
            string? candidate = format == ImportFormat.DabbleText
                ? (IsHashHeading(line, out var value) ? value : null)
                : (LooksLikeDate(line.Trim()) ? line.Trim() : null);
            if (candidate is null)
            {
                body.Append(line).Append('\n');
                continue;
            }

            var parsed = Iso.Parse(candidate);
            if (!parsed.Success)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"Line {index + 1}: \"{Shorten(candidate)}\" isn't a real date. Dates are written yyyy-MM-dd, like 2024-05-21.");
                return null;
            }

            if (date is { } previous)
            {
                days.Add(new ImportedDay(previous, body.ToString().Trim(), heading));
            }

            date = parsed.Value;
            heading = index + 1;
            body.Clear();
        }

        days.Add(new ImportedDay(date!.Value, body.ToString().Trim(), heading));
        error = string.Empty;
        return days;
    }

    // "## 2024-05-21" (one to six #, spaces around): Dabble.me's day heading. The date is checked by the caller.
    private static bool IsHashHeading(string line, out string date)
    {
        date = string.Empty;
        var trimmed = line.Trim();
        var hashes = 0;
        while (hashes < trimmed.Length && trimmed[hashes] == '#')
        {
            hashes++;
        }

        if (hashes is < 1 or > 6)
        {
            return false;
        }

        var rest = trimmed[hashes..].Trim();
        if (!LooksLikeDate(rest))
        {
            return false;
        }

        date = rest;
        return true;
    }

    // dddd-dd-dd and nothing else; whether it is a real date is decided by the parser, so "2013-02-30" is an error, not text.
    private static bool LooksLikeDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' &&
        text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
