using System.Collections.Frozen;
using System.Globalization;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using NodaTime.TimeZones;

namespace Compersion.Core.Commands;

/// <summary>Reads an email command (<c>PAUSE</c>, <c>TIME 07:30</c> …) from the first line of a reply.</summary>
/// <remarks>
/// <para>
/// Only the first non-empty line is looked at, and the rules are conservative, because a
/// gratitude mistaken for a command is a lost gratitude:
/// </para>
/// <list type="bullet">
/// <item>a known command word alone on the line, any case, with at most a trailing <c>.</c> or <c>!</c>
/// ("Pause.", "help") — "pause please" and "Pause for a moment and I noticed…" are not commands;</item>
/// <item>a known command word with its argument in the expected shape ("time 07:30", "time 7:30 pm", "Zone Europe/Berlin",
/// "zone London", "GOAL 2"); a wrong argument still makes the command, with <see cref="EmailCommand.Error"/> saying
/// how to write it. "Time with Sam" is not a command;</item>
/// <item>a command word written in capitals may be followed by other words ("STOP PLEASE", "PAUSE FOR A WEEK"),
/// up to four words in all;</item>
/// <item>any other word of 3–12 capital letters, alone or with at most three more words ("SNOOZE",
/// "SNOOZE 3 DAYS"), is an unknown command, answered with HELP — unless it is a greeting or a
/// heading people write ("THANKS", "TODAY").</item>
/// </list>
/// <para><c>UNSUBSCRIBE</c> means <c>STOP</c> and <c>TIMEZONE</c> means <c>ZONE</c>.</para>
/// </remarks>
public static class CommandParser
{
    private const int MaxWords = 4;
    private const int MaxLineLength = 80;
    private const int MinUnknownLength = 3;
    private const int MaxUnknownLength = 12;
    private const int MaxGoal = Subscriber.MaxKindnessGoal;

    private static readonly FrozenDictionary<string, CommandKind> Words = new Dictionary<string, CommandKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["PAUSE"] = CommandKind.Pause,
        ["RESUME"] = CommandKind.Resume,
        ["STOP"] = CommandKind.Stop,
        ["UNSUBSCRIBE"] = CommandKind.Stop,
        ["TIME"] = CommandKind.Time,
        ["ZONE"] = CommandKind.Zone,
        ["TIMEZONE"] = CommandKind.Zone,
        ["DIGEST"] = CommandKind.Digest,
        ["PROMPTS"] = CommandKind.Prompts,
        ["PROMPT"] = CommandKind.Prompts,
        ["GOAL"] = CommandKind.Goal,
        ["EXPORT"] = CommandKind.Export,
        ["TOKEN"] = CommandKind.Token,
        ["HELP"] = CommandKind.Help,
        ["SETTINGS"] = CommandKind.Settings,
        ["JOURNAL"] = CommandKind.Journal,
        ["UNDO"] = CommandKind.Undo,
        ["ADD"] = CommandKind.AddAddress,
        ["REMOVE"] = CommandKind.RemoveAddress,
        ["CHANGE"] = CommandKind.ChangeAddress,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Capitalised words people open a reply with that are not commands.
    private static readonly FrozenSet<string> NotCommands = new[]
    {
        "HI", "HEY", "HELLO", "HIYA", "DEAR", "THANKS", "THANK", "THX", "CHEERS", "LOVE", "TODAY",
        "TONIGHT", "YESTERDAY", "GRATEFUL", "THANKFUL", "GRATITUDE", "GRATITUDES", "KINDNESS",
        "MORNING", "EVENING", "HERE", "YES", "YAY", "WOW", "OMG", "LOL", "FIRST", "ONE", "THE",
        "AND", "MY", "SORRY", "NOTE", "UPDATE", "HALLO", "HOLA", "BONJOUR", "DANKE", "GRACIAS", "MERCI",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The regions whose zones are named after a city ("Europe/London", "America/Argentina/Buenos_Aires").
    private static readonly string[] CityRegions = ["Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

    // A zone's city, as people write it ("new york", "kolkata"), to the zone; a city two zones share names neither.
    private static readonly Lazy<FrozenDictionary<string, string>> Cities = new(() =>
        DateTimeZoneProviders.Tzdb.Ids
            .Where(id => CityRegions.Any(region => id.StartsWith(region, StringComparison.Ordinal)))
            .GroupBy(id => id[(id.LastIndexOf('/') + 1)..].Replace('_', ' '), StringComparer.OrdinalIgnoreCase)
            .Select(group => (City: group.Key, Zones: group.Select(id => TzdbDateTimeZoneSource.Default.CanonicalIdMap[id]).Distinct(StringComparer.Ordinal).ToList()))
            .Where(city => city.Zones.Count == 1 && LocalSchedule.IsKnownZone(city.Zones[0]))
            .ToFrozenDictionary(city => city.City, city => city.Zones[0], StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<FrozenDictionary<string, string>> ZoneIds = new(() =>
        DateTimeZoneProviders.Tzdb.Ids
            .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads a command from the first non-empty line of a reply's visible text.</summary>
    /// <param name="visibleText">The new text of the reply (quotes and signatures removed).</param>
    /// <param name="command">The command, possibly with <see cref="EmailCommand.Error"/> set; <see langword="null"/> when the line is not a command.</param>
    /// <returns>Whether the first line is a command (known or unknown).</returns>
    public static bool TryParse(string? visibleText, out EmailCommand? command)
    {
        command = null;
        var line = FirstLine(visibleText);
        if (line is null)
        {
            return false;
        }

        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > MaxWords)
        {
            return false;
        }

        var word = words[0];
        var shouted = IsCapitals(word);
        var argument = words.Length > 1 ? string.Join(' ', words.Skip(1)) : null;
        if (Words.TryGetValue(word, out var kind))
        {
            command = Known(kind, word.ToUpperInvariant(), words[1..], argument, shouted);
            return command is not null;
        }

        if (shouted && word.Length is >= MinUnknownLength and <= MaxUnknownLength && !NotCommands.Contains(word))
        {
            command = new EmailCommand(CommandKind.Unknown, word, argument);
            return true;
        }

        return false;
    }

    private static EmailCommand? Known(CommandKind kind, string word, string[] args, string? argument, bool shouted)
    {
        switch (kind)
        {
            case CommandKind.Time:
                return ParseTime(word, args, argument, shouted);
            case CommandKind.Zone:
                return ParseZone(word, args, argument, shouted);
            case CommandKind.Digest:
                return ParseDigest(word, args, argument, shouted);
            case CommandKind.Goal:
                return ParseGoal(word, args, argument, shouted);
            case CommandKind.Pause:
                return ParsePause(word, args, argument, shouted);
            case CommandKind.Prompts:
                return ParseSwitch(CommandKind.Prompts, word, args, argument, shouted);
            case CommandKind.AddAddress or CommandKind.RemoveAddress or CommandKind.ChangeAddress:
                return ParseAddress(kind, word, args, argument, shouted);
            default:
                // "pause please" is ordinary writing; "STOP PLEASE" is a command.
                return args.Length == 0 || shouted ? new EmailCommand(kind, word, argument) : null;
        }
    }

    private static EmailCommand? ParseTime(string word, string[] args, string? argument, bool shouted)
    {
        if (!shouted && !IsTimeShape(args))
        {
            return null;
        }

        return IsTimeShape(args) && TryParseTime(args, out var time)
            ? new EmailCommand(CommandKind.Time, word, argument, Time: time)
            : Invalid(CommandKind.Time, word, argument);
    }

    private static EmailCommand? ParseZone(string word, string[] args, string? argument, bool shouted)
    {
        // "ZONE London", "zone new york": the mails name a zone by its city ("New York time"), so a reply may too.
        var city = args.Length > 0 && Cities.Value.TryGetValue(string.Join(' ', args), out var cityZone) ? cityZone : null;
        if (!shouted && city is null && (args.Length != 1 || !LooksLikeZone(args[0])))
        {
            return null;
        }

        if (args.Length == 1 && ZoneIds.Value.TryGetValue(args[0], out var id) && LocalSchedule.IsKnownZone(id))
        {
            return new EmailCommand(CommandKind.Zone, word, argument, Zone: DateTimeZoneProviders.Tzdb[id].Id);
        }

        return city is not null ? new EmailCommand(CommandKind.Zone, word, argument, Zone: city) : Invalid(CommandKind.Zone, word, argument);
    }

    // "PAUSE", "PAUSE 2 WEEKS", "pause until 2026-12-28"; "PAUSE PLEASE" is a pause until RESUME, "pause please" is writing.
    private static EmailCommand? ParsePause(string word, string[] args, string? argument, bool shouted)
    {
        if (args.Length == 0)
        {
            return new EmailCommand(CommandKind.Pause, word);
        }

        if (PauseEnd.TryParse(args, out var until))
        {
            return new EmailCommand(CommandKind.Pause, word, argument, Until: until);
        }

        if (!shouted)
        {
            return null;
        }

        return args.Any(arg => arg.Any(char.IsAsciiDigit)) ? Invalid(CommandKind.Pause, word, argument) : new EmailCommand(CommandKind.Pause, word, argument);
    }

    // "ADD ADDRESS name@work.example", "remove address name@work.example", "CHANGE ADDRESS new@example.org"; "Add more salt"
    // and "Change of plans" are writing. A mail client may
    // add the address again as a link ("name@work.example <mailto:name@work.example>"): that part is let go.
    private static EmailCommand? ParseAddress(CommandKind kind, string word, string[] args, string? argument, bool shouted)
    {
        if (args.Length == 0 || !string.Equals(args[0], "ADDRESS", StringComparison.OrdinalIgnoreCase))
        {
            // "REMOVE ME" is no address command, but written in capitals it is still a command we don't know: answered with HELP.
            return shouted ? new EmailCommand(CommandKind.Unknown, word, argument) : null;
        }

        var address = args.Length >= 2 ? args[1].Trim('<', '>') : null;
        if (address is not null && address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            address = address["mailto:".Length..];
        }

        if (address is not null && (args.Length == 2 || (args.Length == 3 && args[2].StartsWith("<mailto:", StringComparison.OrdinalIgnoreCase))) &&
            EmailAddress.TryNormalize(address, out var normalized))
        {
            return new EmailCommand(kind, word + " ADDRESS", normalized);
        }

        return shouted ? Invalid(kind, word + " ADDRESS", argument) : null;
    }

    // "PROMPTS OFF", "digest on": one switch word after the command.
    private static EmailCommand? ParseSwitch(CommandKind kind, string word, string[] args, string? argument, bool shouted)
    {
        if (args.Length == 1 && TryParseSwitch(args[0], out var on))
        {
            return new EmailCommand(kind, word, argument, On: on);
        }

        return shouted ? Invalid(kind, word, argument) : null;
    }

    private static bool TryParseSwitch(string text, out bool on)
    {
        on = string.Equals(text, "ON", StringComparison.OrdinalIgnoreCase);
        return on || string.Equals(text, "OFF", StringComparison.OrdinalIgnoreCase);
    }

    private static EmailCommand? ParseDigest(string word, string[] args, string? argument, bool shouted)
    {
        if (args.Length == 1 && TryParseSwitch(args[0], out var on))
        {
            return new EmailCommand(CommandKind.Digest, word, argument, On: on);
        }

        if (!shouted && (args.Length is not (2 or 3) || !args.Any(arg => arg.Any(char.IsAsciiDigit))))
        {
            return null;
        }

        // Either order: "SUNDAY 18:00", "18:00 SUNDAY", "SUNDAY 6 PM".
        var dayArgs = args.Where(arg => !arg.Any(char.IsAsciiDigit) && !IsMeridiem(arg)).ToArray();
        var timeArgs = args.Where(arg => arg.Any(char.IsAsciiDigit) || IsMeridiem(arg)).ToArray();
        if (dayArgs.Length == 1 && SignUpRequest.TryParseDay(dayArgs[0], out var day) && IsTimeShape(timeArgs) && TryParseTime(timeArgs, out var time))
        {
            return new EmailCommand(CommandKind.Digest, word, argument, Time: time, Day: day);
        }

        return Invalid(CommandKind.Digest, word, argument);
    }

    private static EmailCommand? ParseGoal(string word, string[] args, string? argument, bool shouted)
    {
        if (!shouted && (args.Length != 1 || !args[0].Any(char.IsAsciiDigit)))
        {
            return null;
        }

        if (args.Length == 1 &&
            int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var goal) &&
            goal is >= 0 and <= MaxGoal)
        {
            return new EmailCommand(CommandKind.Goal, word, argument, Number: goal);
        }

        return Invalid(CommandKind.Goal, word, argument);
    }

    private static EmailCommand Invalid(CommandKind kind, string word, string? argument) =>
        new(kind, word, argument, Error: CommandHelp.Usage(kind));

    // A time as one word ("07:30", "7pm", "7:30pm") or a time and its half of the day ("7:30 PM", "6 a.m.").
    private static bool IsTimeShape(string[] args) =>
        args.Length switch
        {
            1 => args[0].Any(char.IsAsciiDigit),
            2 => args[0].All(c => char.IsAsciiDigit(c) || c == ':') && args[0].Any(char.IsAsciiDigit) && IsMeridiem(args[1]),
            _ => false,
        };

    // "am", "PM", "a.m.", "p.m": the half of the day on a 12-hour clock.
    private static bool IsMeridiem(string text) => Meridiem(text) is not null;

    private static bool? Meridiem(string text) =>
        text.Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "AM" => false,
            "PM" => true,
            _ => null,
        };

    // 24-hour "07:30" or "7:30"; 12-hour "7pm", "7:30 pm", "12:15 p.m." (the mails show a 12-hour reader "7:30 am").
    private static bool TryParseTime(string[] args, out LocalTime time)
    {
        time = LocalTime.Midnight;
        var text = string.Concat(args).Replace(".", string.Empty, StringComparison.Ordinal);
        if (text.Length > 2 && Meridiem(text[^2..]) is { } afternoon)
        {
            var clock = text[..^2];
            var colon = clock.IndexOf(':', StringComparison.Ordinal);
            var minute = 0;
            if (!int.TryParse(colon < 0 ? clock : clock[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) ||
                hour is < 1 or > 12 ||
                (colon >= 0 && (clock.Length - colon != 3 || !int.TryParse(clock[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59)))
            {
                return false;
            }

            time = new LocalTime((hour % 12) + (afternoon ? 12 : 0), minute);
            return true;
        }

        return args.Length == 1 && SignUpRequest.TryParseTime(args[0], LocalTime.Midnight, out time) && !string.IsNullOrWhiteSpace(args[0]);
    }

    private static bool LooksLikeZone(string text) =>
        text.Contains('/', StringComparison.Ordinal) || string.Equals(text, "UTC", StringComparison.OrdinalIgnoreCase);

    // A word written in capitals: "PAUSE", not "Pause" or "I".
    private static bool IsCapitals(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    // The first line with text, trimmed, with one trailing run of "." or "!" removed; null when it is too long to be a command.
    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).Trim().Trim("\uFEFF\u200B").Trim();
            if (line.Length > 0)
            {
                return line.Length > MaxLineLength ? null : line.TrimEnd(".!").TrimEnd().ToString();
            }

            start = end + 1;
        }

        return null;
    }
}
